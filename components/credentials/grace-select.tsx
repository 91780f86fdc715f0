"use client";
import { useId } from "react";
import type { GracePeriod } from "@/lib/validation/keys";

const OPTIONS: { value: GracePeriod; label: string }[] = [
  { value: "none", label: "Stop it at once (default)" },
  { value: "1h", label: "Keep it working for 1 hour" },
  { value: "6h", label: "Keep it working for 6 hours" },
  { value: "24h", label: "Keep it working for 24 hours" },
  { value: "3d", label: "Keep it working for 3 days" },
  { value: "7d", label: "Keep it working for 7 days" },
];

/** Zero-downtime rotation: how long the previous credential keeps working after a regenerate. */
export function GraceSelect({ value, onChange, what }: { value: GracePeriod; onChange: (v: GracePeriod) => void; what: string }) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block font-semibold">
        The previous {what}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as GracePeriod)}
        aria-describedby={`${id}-hint`}
        className="w-full rounded-lg border border-border bg-surface px-3 py-2 text-base text-fg"
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-xs text-muted">
        A grace period lets you roll the new one out before the old one stops. You can end it early.
      </p>
    </div>
  );
}

import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  error: "border-danger/40 bg-danger-soft text-danger",
  success: "border-success/40 bg-success-soft text-success",
  warning: "border-warning/40 bg-warning-soft text-warning",
  info: "border-border bg-surface-2 text-fg",
} as const;

/** A message box; errors are announced to screen readers. */
export function Alert({ tone = "info", children, className }: { tone?: keyof typeof TONES; children: ReactNode; className?: string }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cn("rounded-xl border px-4 py-3 text-sm", TONES[tone], className)}
    >
      {children}
    </div>
  );
}

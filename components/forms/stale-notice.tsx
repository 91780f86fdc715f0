"use client";
import { Button } from "@/components/ui/button";
import type { Stale } from "./use-versioned-form";

const show = (v: unknown): string => {
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" && x && "url" in x ? String(x.url) : String(x))).filter(Boolean).join(", ") || "(none)";
  if (typeof v === "boolean") return v ? "On" : "Off";
  if (v === null || v === undefined || v === "") return "(empty)";
  return String(v);
};

/**
 * A save was refused because someone saved this object after the form was opened: says so, shows
 * what they saved (field by field, with the labels the form uses), and offers to load it.
 */
export function StaleNotice<T extends Record<string, unknown>>({ message, stale, labels, onReload }: { message: string; stale: Stale<T>; labels: Record<string, string>; onReload: () => void }) {
  const theirs = Object.keys(stale.values).filter((k) => JSON.stringify(stale.values[k]) !== JSON.stringify(stale.seen[k]));
  return (
    <div role="alert" className="space-y-3 rounded-xl border border-warning/40 bg-warning-soft px-4 py-3 text-sm text-fg">
      <p>
        <strong className="text-warning">{message}.</strong> Nothing was saved. {theirs.length > 0 ? "Saved since then:" : ""}
      </p>
      {theirs.length > 0 && (
        <dl className="space-y-1">
          {theirs.map((k) => (
            <div key={k} className="wrap-anywhere">
              <dt className="inline font-semibold">{labels[k] ?? k}: </dt>
              <dd className="inline">{show(stale.values[k])}</dd>
            </div>
          ))}
        </dl>
      )}
      <p>Load the latest version: your own changes stay in the form, for you to check and save again.</p>
      <Button variant="secondary" onClick={onReload}>
        Load the latest version
      </Button>
    </div>
  );
}

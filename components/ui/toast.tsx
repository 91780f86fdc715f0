"use client";
import { useEffect, useState } from "react";

/** A short-lived success message, announced politely; shows again whenever `stamp` changes. */
export function Toast({ message, stamp }: { message: string | null; stamp: number }) {
  const [dismissed, setDismissed] = useState<number | null>(null);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setDismissed(stamp), 4000);
    return () => clearTimeout(t);
  }, [message, stamp]);
  const visible = Boolean(message) && stamp > 0 && dismissed !== stamp;
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50">
      {visible && <div className="rounded-xl bg-fg px-4 py-3 text-sm font-semibold text-bg shadow-lg">{message}</div>}
    </div>
  );
}

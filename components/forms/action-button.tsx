"use client";
import { useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";

type Action<I> = (prev: ActionState | null, input: I) => Promise<ActionState>;

/** A button that runs one server action with a fixed input and shows its error, if any. */
export function ActionButton<I>({ action, input, children, variant = "secondary", label, confirm }: { action: Action<I>; input: I; children: ReactNode; variant?: ButtonVariant; label?: string; confirm?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant={variant}
        className="min-h-8 px-3 text-xs"
        aria-label={label}
        disabled={pending}
        onClick={async () => {
          if (confirm && !window.confirm(confirm)) return;
          setPending(true);
          const res = await action(null, input);
          setPending(false);
          setError(res.ok ? null : res.message);
        }}
      >
        {children}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      )}
    </span>
  );
}

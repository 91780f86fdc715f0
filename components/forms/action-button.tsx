"use client";
import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { useAction, type ClientAction } from "./use-action";

/** A button that runs one server action with a fixed input and shows its error (and, with `showDone`, its success message). */
export function ActionButton<I>({ action, input, children, variant = "secondary", label, confirm, showDone }: { action: ClientAction<I>; input: I; children: ReactNode; variant?: ButtonVariant; label?: string; confirm?: string; showDone?: boolean }) {
  const { state, pending, run } = useAction(action);
  const error = state && !state.ok ? state.message : null;
  const done = showDone && state?.ok ? state.message : null;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant={variant}
        className="min-h-8 px-3 text-xs"
        aria-label={label}
        disabled={pending}
        onClick={async () => {
          if (confirm && !window.confirm(confirm)) return;
          await run(input);
        }}
      >
        {children}
      </Button>
      {error && (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      )}
      {done && (
        <span role="status" className="text-xs text-success">
          {done}
        </span>
      )}
    </span>
  );
}

"use client";
import { Button } from "@/components/ui/button";
import { useAction, type ClientAction } from "@/components/forms/use-action";

/** Switches the developer account the portal shows, then goes to `next` (a same-origin path). */
export function SwitchAccountButton({ action, accountId, next, children }: { action: ClientAction<{ accountId: string; next?: string }>; accountId: string; next?: string; children: React.ReactNode }) {
  const { pending, run, state } = useAction(action);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button disabled={pending} onClick={() => void run({ accountId, next })}>
        {children}
      </Button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-danger">
          {state.message}
        </span>
      )}
    </span>
  );
}

"use client";
import { useState } from "react";
import { TextAreaField } from "@/components/forms/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionState } from "@/lib/server/action";
import type { SuspendAppInput } from "@/lib/validation/operator";

/** Suspend with a reason (sent to the owner in the notice e-mail). */
export function SuspendButton({ action, appId, appName }: { action: (p: ActionState | null, i: SuspendAppInput) => Promise<ActionState>; appId: string; appName: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [state, setState] = useState<ActionState | null>(null);
  return (
    <>
      <Button variant="danger" className="min-h-8 px-3 text-xs" aria-label={`Suspend ${appName}`} onClick={() => setOpen(true)}>
        Suspend
      </Button>
      <Dialog open={open} title={`Suspend ${appName}?`} onClose={() => setOpen(false)}>
        <form
          className="space-y-4"
          onSubmit={async (e) => {
            e.preventDefault();
            const res = await action(null, { appId, reason });
            setState(res);
            if (res.ok) setOpen(false);
          }}
        >
          {state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
          <TextAreaField label="Reason (sent to the owner)" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} error={state && !state.ok ? state.fieldErrors?.reason?.[0] : undefined} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" variant="danger">Suspend App</Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

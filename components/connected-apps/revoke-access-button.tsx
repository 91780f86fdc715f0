"use client";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useRevokeFeedback } from "./revoke-feedback";
import type { ClientAction } from "@/components/forms/use-action";

type Action = ClientAction<{ appId: string }>;

/** Revoke access, after a confirmation that says what stops working. */
export function RevokeAccessButton({ action, appId, appName }: { action: Action; appId: string; appName: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notify = useRevokeFeedback();
  const [pending, start] = useTransition();

  const revoke = () =>
    start(async () => {
      const res = await action(null, { appId });
      if (res.ok) {
        setOpen(false);
        notify(res.message ?? "Access revoked.");
      } else setError(res.message);
    });

  return (
    <>
      <Button variant="secondary" aria-label={`Revoke access for ${appName}`} onClick={() => (setError(null), setOpen(true))}>
        Revoke access
      </Button>
      <Dialog open={open} title={`Revoke access for ${appName}?`} onClose={() => setOpen(false)}>
        <p className="text-sm">
          {appName} will no longer be able to use your account: every access token it holds for you stops working now. To use it again, you will
          have to authorize it again.
        </p>
        {error && (
          <Alert tone="error" className="mt-4">
            {error}
          </Alert>
        )}
        <div className="mt-6 flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button variant="danger" disabled={pending} onClick={revoke}>
            {pending ? "Revoking…" : "Revoke access"}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EndGracePeriodInput } from "@/lib/validation/keys";
import { ConfirmDialog } from "./confirm-dialog";
import { formatUtc } from "./format";
import { useCredentialAction } from "./use-credential-action";
import type { ClientAction } from "@/components/forms/use-action";

export type EndGraceAction = ClientAction<EndGracePeriodInput>;

/** The previous credential during a rotation grace period: its hint, when it stops, and "End now". */
export function GraceNotice(props: { appId: string; kind: EndGracePeriodInput["kind"]; what: string; hint: string; expiresAt: number; action: EndGraceAction }) {
  const [open, setOpen] = useState(false);
  const { run, pending, error } = useCredentialAction();
  const end = async () => {
    if (await run(() => props.action(null, { appId: props.appId, kind: props.kind }))) setOpen(false);
  };
  return (
    <>
      <Alert tone="warning" className="flex flex-wrap items-center justify-between gap-3">
        <span>
          Previous {props.what} <code className="font-mono">{props.hint}</code> keeps working until{" "}
          <strong>{formatUtc(props.expiresAt)}</strong>.
        </span>
        <Button variant="secondary" className="min-h-8 px-3 text-xs" onClick={() => setOpen(true)}>
          End grace period now
        </Button>
      </Alert>
      <ConfirmDialog
        open={open}
        title="End the grace period now?"
        confirmLabel="End it now"
        pending={pending}
        error={error}
        onConfirm={end}
        onClose={() => setOpen(false)}
      >
        <p>
          The previous {props.what} <code className="font-mono">{props.hint}</code> stops working immediately. Only the new one
          will work.
        </p>
      </ConfirmDialog>
    </>
  );
}

"use client";
import { useState } from "react";
import { TextField } from "@/components/forms/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";
import type { DeleteAppInput } from "@/lib/validation/app";

type Action = (prev: ActionState | null, input: DeleteAppInput) => Promise<ActionState>;

/** Type the App's name to delete it; every key and token stops working at once. */
export function DeleteAppForm({ action, appId, appName }: { action: Action; appId: string; appName: string }) {
  const [confirmName, setConfirmName] = useState("");
  const [state, setState] = useState<ActionState | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        setState(await action(null, { appId, confirmName }));
        setPending(false);
      }}
    >
      <p className="text-sm">
        Deleting <strong>{appName}</strong> revokes its API Key, Bearer token, Client Secret and every user&apos;s access token at once.
        This cannot be undone. The name becomes free for anyone.
      </p>
      {state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
      <TextField
        label={`Type "${appName}" to confirm`}
        value={confirmName}
        onChange={(e) => setConfirmName(e.target.value)}
        autoComplete="off"
        error={state && !state.ok ? state.fieldErrors?.confirmName?.[0] : undefined}
      />
      <Button type="submit" variant="danger" disabled={pending || confirmName !== appName}>
        Delete App
      </Button>
    </form>
  );
}

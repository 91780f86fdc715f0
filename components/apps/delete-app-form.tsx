"use client";
import { useState } from "react";
import { TextField } from "@/components/forms/field";
import { useAction, type ClientAction } from "@/components/forms/use-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DeleteAppInput } from "@/lib/validation/app";

type Action = ClientAction<DeleteAppInput>;

/** Type the App's name to delete it; every key and token stops working at once. */
export function DeleteAppForm({ action, appId, appName }: { action: Action; appId: string; appName: string }) {
  const [confirmName, setConfirmName] = useState("");
  const { state, pending, run } = useAction(action);
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run({ appId, confirmName });
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

"use client";
import { useActionState, type ReactNode } from "react";
import { TextField } from "@/components/forms/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ConsentActionState } from "./consent-types";
import { DeniedResult, PinResult } from "./consent-result";

interface Props {
  action: (prev: ConsentActionState | null, form: FormData) => Promise<ConsentActionState>;
  oauthToken: string;
  forceLogin: boolean;
  appName: string;
  /** Who is asking; replaced together with the form by the result. */
  header: ReactNode;
  /** The account and permissions, shown above the buttons until the user decides. */
  children: ReactNode;
}

/** Authorize app / Cancel (a server action: Origin-checked); replaced by the PIN or the denial for `oob`. */
export function ConsentForm({ action, oauthToken, forceLogin, appName, header, children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok && state.data?.kind === "pin") return <PinResult pin={state.data.pin} appName={state.data.appName} />;
  if (state?.ok && state.data?.kind === "denied") return <DeniedResult appName={state.data.appName} />;
  const error = state && !state.ok ? state : null;
  return (
    <>
      {header}
      <form action={formAction} className="space-y-5">
        {error && !error.fieldErrors && <Alert tone="error">{error.message}</Alert>}
        {children}
        <input type="hidden" name="oauth_token" value={oauthToken} />
        <input type="hidden" name="force_login" value={forceLogin ? "true" : "false"} />
        {forceLogin && (
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            hint={`${appName} asks you to confirm your password before you authorize it.`}
            error={error?.fieldErrors?.password?.[0]}
          />
        )}
        <div className="flex flex-col gap-2 sm:flex-row-reverse">
          <Button type="submit" name="decision" value="allow" variant="accent" className="sm:flex-1" disabled={pending}>
            Authorize app
          </Button>
          <Button type="submit" name="decision" value="deny" variant="secondary" className="sm:flex-1" disabled={pending}>
            Cancel
          </Button>
        </div>
      </form>
    </>
  );
}

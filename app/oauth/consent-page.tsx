import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { AccountSwitch } from "@/components/oauth1/account-switch";
import { AppIdentity } from "@/components/oauth1/app-identity";
import { ConsentForm } from "@/components/oauth1/consent-form";
import { PinResult } from "@/components/oauth1/consent-result";
import { ConsentFooter, InvalidRequestToken, StorageUnavailable, SuspendedApp } from "@/components/oauth1/consent-notices";
import { PermissionList } from "@/components/oauth1/permission-list";
import { Card } from "@/components/ui/card";
import { env } from "@/lib/config/env";
import { loadConsentRequest, trySignInWithX } from "@/lib/domain/oauth1";
import { storageFailure } from "@/lib/domain/storage-health";
import { getCurrentUser } from "@/lib/server/session";
import { consentQuerySchema } from "@/lib/validation/oauth1";
import { decideConsent } from "./actions";

type Mode = "authorize" | "authenticate";

/** This page's path without force_login (used after a fresh sign-in, which already asked for the password). */
function returnPath(mode: Mode, token: string, screenName?: string): string {
  const q = new URLSearchParams({ oauth_token: token });
  if (screenName) q.set("screen_name", screenName);
  return `/oauth/${mode}?${q}`;
}

/**
 * GET /oauth/authorize and /oauth/authenticate. Signed-out users sign in and come back;
 * authenticate (Sign in with X) skips consent for an App the user already authorized.
 */
export async function ConsentPage({ mode, searchParams }: { mode: Mode; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = consentQuerySchema.parse(await searchParams);
  const token = query.oauth_token;
  const db = getDb();
  const consent = token ? loadConsentRequest(db, token) : null;
  if (!token || !consent) return <InvalidRequestToken />;
  if (consent.app.suspended) return <SuspendedApp />;

  const back = returnPath(mode, token, query.screen_name);
  const current = await getCurrentUser();
  if (!current) {
    const screenName = query.screen_name ? `&screen_name=${encodeURIComponent(query.screen_name)}` : "";
    redirect(`/signin?callbackUrl=${encodeURIComponent(back)}${screenName}`);
  }

  if (mode === "authenticate" && !query.force_login) {
    let outcome: ReturnType<typeof trySignInWithX>;
    try {
      outcome = trySignInWithX(db, { rawToken: token, userId: current.user.id });
    } catch (err) {
      if (storageFailure(err)) return <StorageUnavailable />;
      throw err;
    }
    if (outcome?.kind === "redirect") redirect(outcome.url);
    if (outcome?.kind === "pin") return <Card><PinResult pin={outcome.pin} appName={outcome.appName} /></Card>;
  }

  const { app } = consent;
  return (
    <Card className="space-y-6">
      <ConsentForm
        action={decideConsent}
        oauthToken={token}
        forceLogin={query.force_login}
        appName={app.name}
        header={<AppIdentity app={app} heading={`Authorize ${app.name} to access your account?`} />}
      >
        <AccountSwitch username={current.user.username} name={current.user.name} returnTo={back} />
        <PermissionList level={consent.accessLevel} requestEmail={app.requestEmail} platformName={env.platformName} />
      </ConsentForm>
      <ConsentFooter app={app} />
    </Card>
  );
}

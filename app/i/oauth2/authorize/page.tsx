import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { AuthorizeErrorCard } from "@/components/oauth2/error-card";
import { ConsentCard } from "@/components/oauth2/consent-card";
import { env } from "@/lib/config/env";
import { authorizeFormFields, checkAuthorizeRequest, type RawParams } from "@/lib/domain/oauth2/authorize";
import { consentTicket } from "@/lib/oauth2/consent-ticket";
import { currentPath, getCurrentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Authorize App", robots: { index: false } };

/** GET /i/oauth2/authorize: X's error page, a redirect back with an error, sign-in, or consent. */
export default async function AuthorizePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const outcome = checkAuthorizeRequest(getDb(), await searchParams);
  if (outcome.kind === "error-page") return <AuthorizeErrorCard />;
  if (outcome.kind === "redirect") redirect(outcome.url);
  const returnTo = await currentPath();
  const current = await getCurrentUser();
  if (!current) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  const fields = authorizeFormFields(outcome.request);
  return (
    <ConsentCard
      app={outcome.app}
      scopes={outcome.scopes}
      user={current.user}
      platformName={env.platformName}
      fields={fields}
      ticket={consentTicket(current.sessionId, fields)}
      returnTo={returnTo}
    />
  );
}

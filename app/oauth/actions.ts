"use server";
import { redirect } from "next/navigation";
import type { ConsentResultData } from "@/components/oauth1/consent-types";
import { approveRequestToken, denyRequestToken } from "@/lib/domain/oauth1";
import { confirmOwnPassword } from "@/lib/domain/password-checks";
import { validatedAction } from "@/lib/server/action";
import { consentDecisionSchema } from "@/lib/validation/oauth1";

/** Authorize app / Cancel on the OAuth 1.0a consent page: redirect to the callback, or the PIN / denial for `oob`. */
export const decideConsent = validatedAction(consentDecisionSchema, async ({ db, input, current }) => {
  const allow = input.decision === "allow";
  // force_login: the password again, counted against the account like a sign-in.
  if (allow && input.force_login === "true") await confirmOwnPassword(db, current.actor, input.password);
  const outcome = allow
    ? approveRequestToken(db, { rawToken: input.oauth_token, userId: current.user.id })
    : denyRequestToken(db, { rawToken: input.oauth_token });
  if (outcome.kind === "redirect") redirect(outcome.url);
  const data: ConsentResultData = outcome;
  return { ok: true, data };
});

"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Db } from "@/db/client";
import type { ConsentResultData } from "@/components/oauth1/consent-types";
import { fieldError } from "@/lib/domain/errors";
import { approveRequestToken, denyRequestToken } from "@/lib/domain/oauth1";
import { assertSignInAllowed, clearSignInFailures, recordFailedSignIn } from "@/lib/domain/rate-limits";
import { authenticate } from "@/lib/domain/users";
import { validatedAction } from "@/lib/server/action";
import type { CurrentUser } from "@/lib/server/session";
import { consentDecisionSchema } from "@/lib/validation/oauth1";

/** force_login: the signed-in user types their password again (rate-limited like sign-in). */
async function confirmPassword(db: Db, current: CurrentUser, password: string | undefined): Promise<void> {
  const address = (await headers()).get("x-devportal-client-ip") ?? "unknown";
  const account = current.user.username;
  await assertSignInAllowed(account, address);
  const user = password ? await authenticate(db, account, password) : null;
  if (!user || user.id !== current.user.id) {
    await recordFailedSignIn(account, address);
    throw fieldError("invalid", "password", "That is not your password");
  }
  await clearSignInFailures(account);
}

/** Authorize app / Cancel on the OAuth 1.0a consent page: redirect to the callback, or the PIN / denial for `oob`. */
export const decideConsent = validatedAction(consentDecisionSchema, async ({ db, input, current }) => {
  const allow = input.decision === "allow";
  if (allow && input.force_login === "true") await confirmPassword(db, current, input.password);
  const outcome = allow
    ? approveRequestToken(db, { rawToken: input.oauth_token, userId: current.user.id })
    : denyRequestToken(db, { rawToken: input.oauth_token });
  if (outcome.kind === "redirect") redirect(outcome.url);
  const data: ConsentResultData = outcome;
  return { ok: true, data };
});

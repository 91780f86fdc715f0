import type { Db } from "@/db/client";
import { keyedHash, safeEqual } from "@/lib/credentials";
import { callbackUrlsOf } from "@/lib/domain/app-credentials";
import { deleteOAuth1AccessToken } from "@/lib/domain/user-tokens";
import { getUserById, type PublicUser } from "@/lib/domain/users";
import { accessLevelFor, extraParam, formEncode, lowerLevel, oauth1Error, oauth1TextError, type OAuth1RequestFacts } from "@/lib/oauth1";
import type { Permission } from "@/lib/validation/enums";
import { matchesOAuth1Callback } from "@/lib/validation/callback-urls";
import { MAX_OAUTH_CALLBACK_LENGTH, xAuthAccessTypeSchema } from "@/lib/validation/oauth1";
import { forgetOAuth1IfTokenless, recordOAuth1Authorization, reuseOrIssueAccessToken } from "./authorizations";
import { burnRequestToken, createRequestToken } from "./request-tokens";
import { verifySignedRequest } from "./verify";

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * POST /oauth/request_token: a signed consumer request with oauth_callback (an allowlisted URL,
 * extra query allowed, or `oob`) → `oauth_token=…&oauth_token_secret=…&oauth_callback_confirmed=true`.
 * Throws OAuth1Error (215 no callback, 415 callback not approved, and the verification codes).
 */
export function issueRequestToken(db: Db, facts: OAuth1RequestFacts, now = Date.now()): string {
  const { app, req } = verifySignedRequest(db, facts, { token: "none", requireOAuth1Enabled: true, now });
  const callback = req.oauth.oauth_callback;
  if (!callback) throw oauth1Error(215);
  // A callback with control characters (CR/LF in its query) can never be approved: no registered
  // URL holds one, and it could not become a Location header. X's answer for a callback it will
  // not approve is 403 code 415, so that is the answer here too (not a 400 of our own).
  if (callback.length > MAX_OAUTH_CALLBACK_LENGTH || CONTROL_CHARACTER.test(callback) || !matchesOAuth1Callback(callbackUrlsOf(db, app.id), callback)) {
    throw oauth1Error(415);
  }
  const accessType = xAuthAccessTypeSchema.safeParse(extraParam(req, "x_auth_access_type") ?? req.oauth.x_auth_access_type);
  const accessLevel = accessLevelFor(app.permission, accessType.success ? accessType.data : undefined);
  const { token, secret } = createRequestToken(db, { appId: app.id, callback, accessLevel }, now);
  return formEncode([["oauth_token", token], ["oauth_token_secret", secret], ["oauth_callback_confirmed", "true"]]);
}

/**
 * POST /oauth/access_token: request token + oauth_verifier (or PIN) → the user's access token.
 * The request token is spent by the first authentic attempt, whatever its outcome (a wrong PIN
 * cannot be retried). Records the authorization for the user's Connected apps. One transaction:
 * a refusal still commits the spent token, and a failed commit leaves it unspent with nothing issued.
 */
export function exchangeRequestToken(db: Db, facts: OAuth1RequestFacts, now = Date.now()): string {
  const { app, req, requestToken } = verifySignedRequest(db, facts, { token: "request", requireOAuth1Enabled: true, now });
  const verifier = req.oauth.oauth_verifier ?? "";
  const outcome = db.transaction((tx) => {
    const row = burnRequestToken(tx, requestToken.id, now);
    if (!row) return { ok: false, reason: "request_token_used" } as const;
    if (!row.userId || !row.verifierHash || !safeEqual(keyedHash(verifier), row.verifierHash)) return { ok: false, reason: "invalid_verifier" } as const;
    const user = getUserById(tx, row.userId);
    if (!user) return { ok: false, reason: "invalid_verifier" } as const;
    const accessLevel = lowerLevel(row.accessLevel, app.permission);
    const issued = reuseOrIssueAccessToken(tx, app.id, user.id, accessLevel);
    recordOAuth1Authorization(tx, app.id, user.id, accessLevel, now);
    return { ok: true, ...issued, user } as const;
  });
  if (!outcome.ok) throw oauth1TextError(outcome.reason);
  const { token, secret, user } = outcome;
  return formEncode([["oauth_token", token], ["oauth_token_secret", secret], ["user_id", user.id], ["screen_name", user.username]]);
}

/** POST /1.1/oauth/invalidate_token: the signing user token stops working (then 89). */
export function invalidateAccessToken(db: Db, facts: OAuth1RequestFacts, now = Date.now()): { access_token: string } {
  const { accessToken, req } = verifySignedRequest(db, facts, { token: "access", now });
  const token = req.token!;
  db.transaction((tx) => {
    deleteOAuth1AccessToken(tx, token);
    forgetOAuth1IfTokenless(tx, accessToken.appId, accessToken.userId, now);
  });
  return { access_token: token };
}

/** GET /1.1/account/verify_credentials.json (minimal): the user behind a signed user-context request. */
export function verifyCredentials(db: Db, facts: OAuth1RequestFacts, now = Date.now()): { user: PublicUser; accessLevel: Permission } {
  const { accessToken } = verifySignedRequest(db, facts, { token: "access", now });
  const user = getUserById(db, accessToken.userId);
  if (!user) throw oauth1Error(89);
  return { user, accessLevel: accessToken.accessLevel };
}

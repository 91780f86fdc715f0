import type { DbOrTx } from "@/db/types";
import { findClient, findConsumer, verifyClientSecret, type PlatformApp } from "@/lib/domain/app-credentials";
import { safeEqual } from "@/lib/credentials";
import type { BasicAuth } from "@/lib/oauth2/basic-auth";
import { oauth2Errors } from "@/lib/oauth2/errors";
import { isConfidential } from "@/lib/validation/auth-settings";

/** An App that may take part in OAuth 2.0 user flows right now. */
export const acceptsOAuth2 = (app: PlatformApp) => app.oauth2Enabled && app.status === "active" && app.appType !== null;

/** What a token, refresh or revoke request says about its client: the Authorization header (parsed once, at the edge) and the body's client_id / client_secret. */
export interface ClientInput {
  basic: BasicAuth;
  clientId?: string;
  clientSecret?: string;
}

/** The client identifier a request claims (for rate limiting before it is authenticated). */
export const claimedClientId = (input: ClientInput): string | null => (input.basic.kind === "basic" ? input.basic.id : (input.clientId ?? null));

/**
 * Authenticates the client of a token or revoke request, as X does: confidential Apps (web, bot)
 * with HTTP Basic client_id:client_secret, public Apps (native, spa) by `client_id` in the body.
 * Throws OAuth2Error.
 *
 * What X evidently accepts beside that, because the clients people use send it:
 * - Basic *and* `client_id` + `client_secret` in the body, repeating the Basic values —
 *   twitter-api-v2 1.29 (token, refresh, revoke) and @superfaceai/passport-twitter-oauth2 through
 *   passport-oauth2 / node-oauth, which always add both to the body. A body value that differs
 *   from the Basic one is a conflict and refused.
 * - An empty `client_secret` in the body, taken as absent: node-oauth writes `client_secret=` for
 *   a public client configured without a secret.
 * A secret in the body *instead of* Basic (client_secret_post) stays refused, as X refuses it.
 */
export function authenticateClient(db: DbOrTx, input: ClientInput, now = Date.now()): PlatformApp {
  const { basic } = input;
  const bodySecret = input.clientSecret === "" ? undefined : input.clientSecret;
  if (basic.kind === "malformed") throw oauth2Errors.missingAuthHeader();
  if (basic.kind === "basic") {
    if (input.clientId !== undefined && input.clientId !== basic.id) throw oauth2Errors.clientMismatch();
    if (bodySecret !== undefined && !safeEqual(bodySecret, basic.secret)) throw oauth2Errors.secretMismatch();
    const app = findClient(db, basic.id);
    const ok = app && acceptsOAuth2(app) && isConfidential(app.appType) && verifyClientSecret(db, app.id, basic.secret, now);
    if (!ok) throw oauth2Errors.invalidClient();
    return app;
  }
  if (input.clientId === undefined) throw oauth2Errors.missingParam("client_id");
  const app = findClient(db, input.clientId);
  if (!app || !acceptsOAuth2(app)) throw oauth2Errors.invalidClient();
  if (isConfidential(app.appType)) throw oauth2Errors.missingAuthHeader();
  if (bodySecret !== undefined) throw oauth2Errors.secretInBody();
  return app;
}

/**
 * Authenticates a resource server calling introspection with its own App's credentials: HTTP
 * Basic client_id:client_secret, or api_key:api_key_secret. Suspended Apps are refused.
 */
export function authenticateCaller(db: DbOrTx, basic: BasicAuth, now = Date.now()): PlatformApp {
  if (basic.kind !== "basic") throw oauth2Errors.missingAuthHeader();
  const byClientId = findClient(db, basic.id);
  if (byClientId) {
    if (byClientId.status === "active" && verifyClientSecret(db, byClientId.id, basic.secret, now)) return byClientId;
    throw oauth2Errors.invalidClient();
  }
  const consumer = findConsumer(db, basic.id, now);
  if (consumer && consumer.app.status === "active" && safeEqual(consumer.secret, basic.secret)) return consumer.app;
  throw oauth2Errors.invalidClient();
}

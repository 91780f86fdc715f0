import type { Db } from "@/db/client";
import type { Permission } from "@/db/schema";
import { findConsumer, type PlatformApp } from "@/lib/domain/app-credentials";
import { writeOutsideCache } from "@/lib/domain/auth-cache";
import { findOAuth1AccessToken, type OAuth1TokenRecord } from "@/lib/domain/user-tokens";
import {
  checkProtocolParams,
  oauth1Error,
  OAuth1Error,
  parseSignedRequest,
  verifyHmacSha1,
  type OAuth1Failure,
  type OAuth1RequestFacts,
  type SignedRequest,
} from "@/lib/oauth1";
import { consumeNonce } from "./nonces";
import { findRequestToken, requestTokenSecret, type RequestTokenRow } from "./request-tokens";

interface Verified {
  req: SignedRequest;
  app: PlatformApp;
}

type TokenKind = "none" | "request" | "access";
type Result<K extends TokenKind> = Verified &
  (K extends "request" ? { requestToken: RequestTokenRow } : K extends "access" ? { accessToken: OAuth1TokenRecord } : object);

/**
 * Verifies an OAuth 1.0a signed request, in this order (throws OAuth1Error):
 * well-formed oauth_* parameters (215) → HMAC-SHA1 / version 1.0 (32) → timestamp ±300 s (135) →
 * known consumer key, current or in its rotation grace period (32; also 32 when the endpoint needs
 * 3-legged OAuth 1.0a and the App has it off — X answers such Apps like an unknown consumer) →
 * token of this App (89) → signature, constant time (32) → App not suspended (416) → nonce unused
 * for this consumer key within the window (32). The nonce is recorded only for authentic requests.
 */
export function verifySignedRequest<K extends TokenKind>(
  db: Db,
  facts: OAuth1RequestFacts,
  opts: { token: K; requireOAuth1Enabled?: boolean; now?: number },
): Result<K> {
  const now = opts.now ?? Date.now();
  const req = parseSignedRequest(facts);
  checkProtocolParams(req, now);
  const consumer = findConsumer(db, req.consumerKey, now);
  if (!consumer || (opts.requireOAuth1Enabled && !consumer.app.oauth1Enabled)) throw oauth1Error(32);
  const { app } = consumer;

  let tokenSecret = "";
  const extra: Partial<{ requestToken: RequestTokenRow; accessToken: OAuth1TokenRecord }> = {};
  if (opts.token !== "none") {
    if (!req.token) throw oauth1Error(215);
    if (opts.token === "request") {
      const row = findRequestToken(db, req.token);
      if (!row || row.appId !== app.id) throw oauth1Error(89);
      extra.requestToken = row;
      tokenSecret = requestTokenSecret(row);
    } else {
      const record = findOAuth1AccessToken(db, req.token);
      if (!record || record.appId !== app.id) throw oauth1Error(89);
      extra.accessToken = record;
      tokenSecret = record.secret;
    }
  }

  if (!signedBy(req, consumer.secret, tokenSecret)) throw oauth1Error(32);
  if (app.status === "suspended") throw oauth1Error(416);
  // The nonce table is no cached answer's source: the call's later lookups keep this turn's epoch check.
  if (!writeOutsideCache(db, () => consumeNonce(db, req.consumerKey, req.nonce, req.timestamp, now))) throw oauth1Error(32);
  return { req, app, ...extra } as Result<K>;
}

/** The signature matches the RFC base string, or the merged one when an oauth_* parameter was repeated (see parseSignedRequest). */
function signedBy(req: SignedRequest, consumerSecret: string, tokenSecret: string): boolean {
  const rfc = verifyHmacSha1(req.baseString, req.signature, consumerSecret, tokenSecret);
  const merged = req.mergedBaseString !== null && verifyHmacSha1(req.mergedBaseString, req.signature, consumerSecret, tokenSecret);
  return rfc || merged;
}

export type VerifyOAuth1Result =
  | { ok: true; app: PlatformApp; token: OAuth1TokenRecord; accessLevel: Permission; request: SignedRequest }
  | { ok: false; error: OAuth1Failure };

/**
 * Authenticates an OAuth 1.0a user-context request for any /1.1/* or /2/* route: consumer key and
 * user access token of the same App, valid HMAC-SHA1 signature, fresh timestamp and nonce, App not
 * suspended. `accessLevel` is the token's level (the App's permission when it was issued). Map a
 * failure with `oauth1ErrorResponse` (v1.1) or to the v2 problem of your choice.
 */
export function verifyOAuth1Request(db: Db, facts: OAuth1RequestFacts, now = Date.now()): VerifyOAuth1Result {
  try {
    const { app, accessToken, req } = verifySignedRequest(db, facts, { token: "access", now });
    return { ok: true, app, token: accessToken, accessLevel: accessToken.accessLevel, request: req };
  } catch (err) {
    if (err instanceof OAuth1Error) return { ok: false, error: err.failure };
    throw err;
  }
}

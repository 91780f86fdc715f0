import { Hono } from "hono";
import { exchangeRequestToken, invalidateAccessToken, issueRequestToken } from "@/lib/domain/oauth1";
import { consumerQuotaKey } from "../client-auth";
import { endpoint, noAuth, oauth1Facts } from "../endpoint";
import { oauth1Family } from "../errors/oauth1";
import { jsonResponse } from "../responses";
import { accountV1Routes } from "./account-v1";

/** OAuth 1.0a endpoints (X-compatible); mounted by lib/platform/app.ts. The consent pages live in Next (app/oauth). */
export const oauth1Routes = new Hono();

/** Largest body an OAuth 1.0a endpoint reads; larger ones get 400 code 215 and nothing is written. */
export const MAX_OAUTH1_BODY_BYTES = 64 * 1024;

/**
 * The signature covers header, query and form body (RFC 5849 §3.4.1.3), so lib/oauth1 reads the
 * request itself: the edge only caps the body. Token endpoints are rate limited per (API Key,
 * client address), like the OAuth 2.0 ones; over the budget X answers 429 code 88.
 */
const OAUTH1 = { body: { max: MAX_OAUTH1_BODY_BYTES }, auth: noAuth, errors: oauth1Family } as const;
const TOKEN_ENDPOINT = { ...OAUTH1, quota: consumerQuotaKey } as const;

/** X answers the token endpoints form-encoded with `Content-Type: text/html; charset=utf-8`. */
const formResponse = (body: string) =>
  new Response(body, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });

oauth1Routes.on(["POST", "GET"], "/oauth/request_token", endpoint(TOKEN_ENDPOINT, (req) => formResponse(issueRequestToken(req.db, oauth1Facts(req)))));
oauth1Routes.on(["POST", "GET"], "/oauth/access_token", endpoint(TOKEN_ENDPOINT, (req) => formResponse(exchangeRequestToken(req.db, oauth1Facts(req)))));

for (const path of ["/1.1/oauth/invalidate_token", "/1.1/oauth/invalidate_token.json"]) {
  oauth1Routes.post(path, endpoint(OAUTH1, (req) => jsonResponse(invalidateAccessToken(req.db, oauth1Facts(req)), { status: 200 })));
}

// The minimal user-context endpoint; the sandbox API extends it in its own file.
oauth1Routes.route("/", accountV1Routes);

import { Hono, type MiddlewareHandler } from "hono";
import { getDb } from "@/db/client";
import { exchangeRequestToken, invalidateAccessToken, issueRequestToken } from "@/lib/domain/oauth1";
import { accountV1Routes } from "./account-v1";
import { consumeTokenQuota } from "@/lib/oauth2/rate-limit";
import { isOAuthHeader, parseAuthorizationHeader } from "@/lib/oauth1/authorization-header";
import { v1Error } from "@/lib/platform/problems";
import { formResponse, oauth1BodyLimit, oauth1Handler } from "./oauth1-http";
import { header } from "../request";

/**
 * Token endpoints are rate limited per (API Key, client address), like the OAuth 2.0 ones;
 * over the budget X answers 429 code 88. Malformed headers fall through to the handler's 215.
 */
const tokenRateLimit: MiddlewareHandler = async (c, next) => {
  const authorization = header(c, "authorization");
  let key = "";
  try {
    if (isOAuthHeader(authorization)) key = parseAuthorizationHeader(authorization!).find(([k]) => k === "oauth_consumer_key")?.[1] ?? "";
  } catch {
    key = "";
  }
  const retryAfter = consumeTokenQuota(`oauth1:${key}:${header(c, "x-devportal-client-ip") ?? ""}`);
  if (retryAfter !== null) return c.json(v1Error(88, "Rate limit exceeded"), 429, { "retry-after": String(retryAfter) });
  await next();
};

/** OAuth 1.0a endpoints (X-compatible); mounted by lib/platform/app.ts. The consent pages live in Next (app/oauth). */
export const oauth1Routes = new Hono();

oauth1Routes.use("/oauth/*", oauth1BodyLimit);
oauth1Routes.use("/1.1/oauth/*", oauth1BodyLimit);
oauth1Routes.use("/oauth/request_token", tokenRateLimit);
oauth1Routes.use("/oauth/access_token", tokenRateLimit);

oauth1Routes.on(["POST", "GET"], "/oauth/request_token", oauth1Handler((facts) => formResponse(issueRequestToken(getDb(), facts))));
oauth1Routes.on(["POST", "GET"], "/oauth/access_token", oauth1Handler((facts) => formResponse(exchangeRequestToken(getDb(), facts))));

for (const path of ["/1.1/oauth/invalidate_token", "/1.1/oauth/invalidate_token.json"]) {
  oauth1Routes.post(path, oauth1Handler((facts, c) => c.json(invalidateAccessToken(getDb(), facts))));
}

// The minimal user-context endpoint; the sandbox API extends it in its own file.
oauth1Routes.route("/", accountV1Routes);

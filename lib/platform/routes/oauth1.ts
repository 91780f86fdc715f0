import { Hono } from "hono";
import { getDb } from "@/db/client";
import { exchangeRequestToken, invalidateAccessToken, issueRequestToken } from "@/lib/domain/oauth1";
import { accountV1Routes } from "./account-v1";
import { formResponse, oauth1BodyLimit, oauth1Handler } from "./oauth1-http";

/** OAuth 1.0a endpoints (X-compatible); mounted by lib/platform/app.ts. The consent pages live in Next (app/oauth). */
export const oauth1Routes = new Hono();

oauth1Routes.use("/oauth/*", oauth1BodyLimit);
oauth1Routes.use("/1.1/oauth/*", oauth1BodyLimit);

oauth1Routes.on(["POST", "GET"], "/oauth/request_token", oauth1Handler((facts) => formResponse(issueRequestToken(getDb(), facts))));
oauth1Routes.on(["POST", "GET"], "/oauth/access_token", oauth1Handler((facts) => formResponse(exchangeRequestToken(getDb(), facts))));

for (const path of ["/1.1/oauth/invalidate_token", "/1.1/oauth/invalidate_token.json"]) {
  oauth1Routes.post(path, oauth1Handler((facts, c) => c.json(invalidateAccessToken(getDb(), facts))));
}

// The minimal user-context endpoint; the sandbox API extends it in its own file.
oauth1Routes.route("/", accountV1Routes);

import { Hono } from "hono";
import { getDb } from "@/db/client";
import { verifyCredentialsJson } from "@/lib/api/account";
import { beginApiCall } from "@/lib/api/call";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { ApiError } from "@/lib/api/problems";
import { requestFacts } from "./oauth1-http";

/**
 * GET /1.1/account/verify_credentials.json (OAuth 1.0a user context), through the sandbox API's
 * resolver: x-access-level and x-rate-limit-* headers, v1.1 error codes (89, 215, 220, 416, 88).
 */
export const accountV1Routes = new Hono();

const JSON_TYPE = "application/json; charset=utf-8";

accountV1Routes.get("/1.1/account/verify_credentials.json", async (c) => {
  const db = getDb();
  const now = Date.now();
  const start = await beginApiCall(db, await requestFacts(c), ENDPOINTS.verifyCredentials, now);
  const headers = { "content-type": JSON_TYPE, ...start.headers };
  if (!start.ok) return new Response(JSON.stringify(start.error.body), { status: start.error.status, headers });
  const url = new URL(c.req.url);
  try {
    return new Response(verifyCredentialsJson({ db, caller: start.caller, query: url.searchParams, origin: url.origin, now }), { headers });
  } catch (err) {
    if (err instanceof ApiError) return new Response(JSON.stringify(err.body), { status: err.status, headers });
    throw err;
  }
});

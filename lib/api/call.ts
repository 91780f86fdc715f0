import type { Db } from "@/db/client";
import type { OAuth1RequestFacts } from "@/lib/oauth1";
import { authenticateApiRequest, type Caller } from "./auth";
import type { EndpointSpec } from "./endpoints";
import { apiErrors, v1Errors, type ApiError } from "./problems";
import { consumeApiQuota, rateLimitHeaders } from "./rate-limit";

export type ApiCallStart =
  | { ok: true; caller: Caller; headers: Record<string, string> }
  | { ok: false; error: ApiError; headers: Record<string, string> };

/**
 * Authenticates a call and counts it against its rate-limit pool. Every answer after the
 * credential is known carries x-access-level; every counted one carries x-rate-limit-*;
 * an exhausted pool gets X's 429 (v2 problem, v1.1 code 88).
 */
export function beginApiCall(db: Db, facts: OAuth1RequestFacts, spec: EndpointSpec, now = Date.now()): ApiCallStart {
  const auth = authenticateApiRequest(db, facts, spec, now);
  const headers: Record<string, string> = {};
  if (auth.caller) headers["x-access-level"] = auth.caller.accessLevel;
  if (!auth.ok) return { ok: false, error: auth.error, headers };
  const quota = consumeApiQuota(spec, { appId: auth.caller.app.id, userId: auth.caller.userId });
  Object.assign(headers, rateLimitHeaders(quota));
  if (quota.exceeded) return { ok: false, error: spec.version === "2" ? apiErrors.tooManyRequests() : v1Errors.rateLimited(), headers };
  return { ok: true, caller: auth.caller, headers };
}

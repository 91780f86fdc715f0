import type { StorageUnavailableError } from "@/lib/domain/storage-health";
import { temporarilyUnavailable } from "@/lib/oauth2/unavailable";
import { v1Error, type Problem } from "./problems";

/** The error shape a platform path answers in: v2 problem, RFC 6749, or X's v1.1 `{"errors":[…]}`. */
export type ErrorFamily = "v2" | "oauth2" | "v1";

/**
 * `/2/oauth2/*` (token, revoke, introspect) speak RFC 6749; the rest of `/2/*` v2 problems; OAuth
 * 1.0a, `/1.1/*` and the app-only `/oauth2/*` endpoints X's v1.1 errors (their refusals are code 99).
 */
export function errorFamily(path: string): ErrorFamily {
  if (path.startsWith("/2/oauth2/")) return "oauth2";
  if (path.startsWith("/2/") || path === "/2") return "v2";
  return "v1";
}

const JSON_TYPE = "application/json; charset=utf-8";
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, "cache-control": "no-store", ...headers } });

const problem = (status: number, title: string, detail: string): Problem => ({ title, detail, type: "about:blank", status });

/** 503 + Retry-After in the path's family shape: the write was not made, try again later. */
export function storageUnavailableAnswer(path: string, failure: StorageUnavailableError): Response {
  const family = errorFamily(path);
  if (family === "oauth2") return temporarilyUnavailable(failure);
  const retry = { "retry-after": String(failure.retryAfterS) };
  if (family === "v2") return json(503, problem(503, "Service Unavailable", "The service cannot save changes right now. Nothing was changed; try again later."), retry);
  // X's v1.1 code for a 503 ("Over capacity").
  return json(503, v1Error(130, "Over capacity: the service cannot save changes right now. Try again later."), retry);
}

/** A real bug: 500 in the path's family shape (the details go to the log, never to the client). */
export function internalErrorAnswer(path: string): Response {
  const family = errorFamily(path);
  if (family === "oauth2") return json(500, { error: "server_error", error_description: "Something went wrong." });
  if (family === "v2") return json(500, problem(500, "Internal Server Error", "Something went wrong."));
  return json(500, v1Error(131, "Internal error"));
}

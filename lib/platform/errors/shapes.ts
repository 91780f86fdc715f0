import { storageFailure, type StorageUnavailableError } from "@/lib/domain/storage-health";
import type { EdgeRequest } from "../endpoint";
import { v1Error, type Problem } from "../problems";
import { logFault } from "./fault";

/** The error shape a platform answer takes: v2 problem JSON, RFC 6749, or X's v1.1 `{"errors":[…]}`. */
export type ErrorShape = "v2" | "oauth2" | "v1";

/**
 * The shape of a path, for answers given outside an endpoint (the app's error handler): `/2/oauth2/*`
 * (token, revoke, introspect) speak RFC 6749; the rest of `/2/*` v2 problems; OAuth 1.0a, `/1.1/*`
 * and the app-only `/oauth2/*` endpoints X's v1.1 errors (their refusals are code 99).
 */
export function shapeOfPath(path: string): ErrorShape {
  if (path.startsWith("/2/oauth2/")) return "oauth2";
  if (path.startsWith("/2/") || path === "/2") return "v2";
  return "v1";
}

const JSON_TYPE = "application/json; charset=utf-8";
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, "cache-control": "no-store", ...headers } });

const problem = (status: number, title: string, detail: string): Problem => ({ title, detail, type: "about:blank", status });

/** 503 + Retry-After in the shape: the write was not made, try again later. */
export function storageUnavailableAnswer(shape: ErrorShape, failure: StorageUnavailableError): Response {
  const retry = { "retry-after": String(failure.retryAfterS) };
  if (shape === "oauth2") {
    // RFC 6749's temporarily_unavailable: nothing was issued or changed.
    return json(
      503,
      { error: "temporarily_unavailable", error_description: "The server cannot save changes right now. Nothing was issued or changed; try again later." },
      { ...retry, pragma: "no-cache" },
    );
  }
  if (shape === "v2") return json(503, problem(503, "Service Unavailable", "The service cannot save changes right now. Nothing was changed; try again later."), retry);
  // X's v1.1 code for a 503 ("Over capacity").
  return json(503, v1Error(130, "Over capacity: the service cannot save changes right now. Try again later."), retry);
}

/** A real bug: 500 in the shape (the details go to the log, never to the client). */
export function internalErrorAnswer(shape: ErrorShape): Response {
  if (shape === "oauth2") return json(500, { error: "server_error", error_description: "Something went wrong." });
  if (shape === "v2") return json(500, problem(500, "Internal Server Error", "Something went wrong."));
  return json(500, v1Error(131, "Internal error"));
}

/**
 * The answer to an unexpected failure: a storage failure (disk full, read-only database) is 503 —
 * recorded for /api/health, not logged as a bug —, anything else a logged 500.
 */
export function faultAnswer(shape: ErrorShape, err: unknown, req: EdgeRequest | null, scope = "platform"): Response {
  const failure = storageFailure(err);
  if (failure) return storageUnavailableAnswer(shape, failure);
  logFault(scope, req, err);
  return internalErrorAnswer(shape);
}

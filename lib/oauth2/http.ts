import { storageFailure } from "@/lib/domain/storage-health";
import { OAuth2Error, oauth2Errors } from "./errors";
import type { FormRead } from "./form";
import { temporarilyUnavailable } from "./unavailable";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/**
 * A JSON response, as `Response.json` builds it (same body and content-type), but through the
 * constructor: behind @hono/node-server that is its lightweight Response, written out directly,
 * while `Response.json` (a static the lightweight class inherits) returns a full undici Response
 * whose body the listener has to read back through a web stream.
 */
export const jsonResponse = (body: unknown, init: { status: number; headers: Record<string, string> }) =>
  new Response(JSON.stringify(body), { status: init.status, headers: { "content-type": "application/json", ...init.headers } });

/** A JSON body that must never be cached (tokens, token metadata). */
export const noStoreJson = (body: unknown, status = 200) => jsonResponse(body, { status, headers: NO_STORE });

/** X's 429 problem body, used by every token endpoint. */
export const TOO_MANY_REQUESTS = { title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 } as const;

export const tooManyRequests = (retryAfterS: number) =>
  jsonResponse(TOO_MANY_REQUESTS, { status: 429, headers: { ...NO_STORE, "Retry-After": String(retryAfterS) } });

/**
 * The one RFC 6749 error mapping: an OAuth2Error becomes `{"error","error_description"}` with its
 * status (401s carry a Basic challenge); anything else is logged by name and answered `server_error`.
 */
export function oauth2ErrorResponse(err: unknown): Response {
  if (err instanceof OAuth2Error) {
    const headers: Record<string, string> = { ...NO_STORE };
    if (err.status === 401) headers["WWW-Authenticate"] = 'Basic realm="oauth2"';
    return jsonResponse(err.toJSON(), { status: err.status, headers });
  }
  const failure = storageFailure(err);
  if (failure) return temporarilyUnavailable(failure);
  console.error("oauth2 endpoint failed", (err as Error)?.name, (err as Error)?.message);
  return jsonResponse({ error: "server_error", error_description: "Something went wrong." }, { status: 500, headers: NO_STORE });
}

/** The form body, or the OAuth2Error that a bad body (type, size, repeated parameter) deserves. */
export function formOrThrow(form: FormRead): Record<string, string> {
  if (!form.ok) throw form.reason === "too_large" ? oauth2Errors.tooLarge() : oauth2Errors.contentType();
  if (form.duplicates.length) throw oauth2Errors.duplicateParam(form.duplicates[0]!);
  return form.params;
}

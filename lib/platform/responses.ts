const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/**
 * A JSON response, as `Response.json` builds it (same body and content-type), but through the
 * constructor: behind @hono/node-server that is its lightweight Response, written out directly,
 * while `Response.json` (a static the lightweight class inherits) returns a full undici Response
 * whose body the listener has to read back through a web stream.
 */
export const jsonResponse = (body: unknown, init: { status: number; headers?: Record<string, string>; contentType?: string }) =>
  new Response(JSON.stringify(body), { status: init.status, headers: { "content-type": init.contentType ?? "application/json", ...init.headers } });

/** A JSON body that must never be cached (tokens, token metadata, their refusals). */
export const noStoreJson = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  jsonResponse(body, { status, headers: { ...NO_STORE, ...headers } });

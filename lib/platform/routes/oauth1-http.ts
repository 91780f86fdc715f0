import type { Context, MiddlewareHandler } from "hono";
import { env } from "@/lib/config/env";
import { OAuth1Error, oauth1ErrorResponse, type OAuth1Failure, type OAuth1RequestFacts } from "@/lib/oauth1";
import { hasBody, header, isFormRequest, requestBody, requestHeaders } from "../request";

/** Largest body an OAuth 1.0a endpoint reads; larger ones get 400 code 215 and nothing is written. */
export const MAX_OAUTH1_BODY_BYTES = 64 * 1024;

/** X's error shape for a failure, with the client's Accept taken into account (415 XML vs JSON). */
export function oauth1Failure(c: Context, failure: OAuth1Failure): Response {
  const { status, contentType, body } = oauth1ErrorResponse(failure, header(c, "accept"));
  return new Response(body, { status, headers: { "content-type": contentType, "cache-control": "no-store" } });
}

/** Any body (form or not) over the cap is refused before a handler runs; the read is shared with it. */
export const oauth1BodyLimit: MiddlewareHandler = async (c, next) => {
  if (hasBody(c) && (await requestBody(c, MAX_OAUTH1_BODY_BYTES)) === null) return oauth1Failure(c, { kind: "code", code: 215 });
  await next();
};

/** The facts lib/oauth1 verifies: method, URL as addressed, headers, form body (only when form-encoded). */
export async function requestFacts(c: Context): Promise<OAuth1RequestFacts> {
  const body = hasBody(c) && isFormRequest(c) ? ((await requestBody(c, MAX_OAUTH1_BODY_BYTES)) ?? "") : null;
  return { method: c.req.method, url: c.req.url, headers: requestHeaders(c), body, trustProxy: env.trustProxy };
}

/** Runs one lib call for a signed request and maps an OAuth1Error to X's shape; anything else is a real 500. */
export function oauth1Handler(fn: (facts: OAuth1RequestFacts, c: Context) => Response | Promise<Response>) {
  return async (c: Context): Promise<Response> => {
    try {
      return await fn(await requestFacts(c), c);
    } catch (err) {
      if (err instanceof OAuth1Error) return oauth1Failure(c, err.failure);
      throw err;
    }
  };
}

/** X answers the token endpoints form-encoded with `Content-Type: text/html; charset=utf-8`. */
export const formResponse = (body: string) =>
  new Response(body, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });

import type { Context, MiddlewareHandler } from "hono";
import { getDb } from "@/db/client";
import { env } from "@/lib/config/env";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { beginApiCall } from "@/lib/api/call";
import type { ApiContext, ApiResult } from "@/lib/api/context";
import type { EndpointSpec } from "@/lib/api/endpoints";
import { ApiError, apiErrors } from "@/lib/api/problems";
import { hasBody, header, isFormRequest, requestBody, requestHeaders } from "../request";

const JSON_TYPE = "application/json; charset=utf-8";

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, ...headers } });

const tooLarge = () => json(400, apiErrors.invalidRequest([{ message: "Request body is too large." }]).body, {});
const readsBody = (method: string) => method !== "GET" && method !== "HEAD" && method !== "DELETE";

/**
 * Bodies over 64 KiB are refused with X's 400 before anything is read or written: a declared
 * Content-Length here; a body without one is counted while it is read (apiEndpoint for the
 * methods that read it, here for the others). Unlike hono's bodyLimit, the request is never
 * rebuilt around a buffered copy (under Node 20 each rebuilt Request stayed reachable through
 * its abort-signal listener: the heap grew ~1.8 KB per chunked call). The read is shared with
 * the handler (lib/platform/body.ts), so a body is counted once however many mounts check it.
 */
export const apiBodyLimit: MiddlewareHandler = async (c, next) => {
  if (!hasBody(c)) return next();
  const declared = header(c, "content-length");
  if (declared !== undefined && !header(c, "transfer-encoding")) return Number.parseInt(declared, 10) > MAX_BODY_BYTES ? tooLarge() : next();
  if (!readsBody(c.req.method) && (await requestBody(c, MAX_BODY_BYTES)) === null) return tooLarge();
  return next();
};

type Handler = (ctx: ApiContext, c: Context, rawBody: string | null) => ApiResult;

/**
 * A sandbox API route: authenticate and count (lib/api/call.ts), run one lib call, answer JSON
 * with x-access-level and x-rate-limit-* headers. An ApiError becomes X's body; anything else is
 * left to the platform's 500 handler.
 */
export function apiEndpoint(spec: EndpointSpec, handler: Handler) {
  return async (c: Context): Promise<Response> => {
    const db = getDb();
    const now = Date.now();
    // As Request.text() would decode it (UTF-8, a leading BOM dropped), counted while it is read.
    const rawBody = readsBody(c.req.method) ? ((await requestBody(c, MAX_BODY_BYTES))?.replace(/^\uFEFF/, "") ?? null) : null;
    if (rawBody === null && readsBody(c.req.method)) return tooLarge();
    const facts = { method: c.req.method, url: c.req.url, headers: requestHeaders(c), body: isFormRequest(c) ? rawBody : null, trustProxy: env.trustProxy };
    const start = await beginApiCall(db, facts, spec, now);
    if (!start.ok) return json(start.error.status, start.error.body, start.headers);
    try {
      const url = new URL(c.req.url);
      const result = handler({ db, caller: start.caller, query: url.searchParams, origin: url.origin, now }, c, rawBody);
      return json(result.status ?? 200, result.body, start.headers);
    } catch (err) {
      if (err instanceof ApiError) return json(err.status, err.body, start.headers);
      throw err;
    }
  };
}

import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getDb } from "@/db/client";
import { env } from "@/lib/config/env";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { beginApiCall } from "@/lib/api/call";
import type { ApiContext, ApiResult } from "@/lib/api/context";
import type { EndpointSpec } from "@/lib/api/endpoints";
import { ApiError, apiErrors } from "@/lib/api/problems";

const JSON_TYPE = "application/json; charset=utf-8";

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, ...headers } });

const isForm = (c: Context) => (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase() === "application/x-www-form-urlencoded";

/** Bodies over 64 KiB are refused with X's 400 before anything is read or written. */
export const apiBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => json(400, apiErrors.invalidRequest([{ message: "Request body is too large." }]).body, {}),
});

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
    const rawBody = c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "DELETE" ? null : await c.req.text();
    const facts = { method: c.req.method, url: c.req.url, headers: c.req.raw.headers, body: isForm(c) ? rawBody : null, trustProxy: env.trustProxy };
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

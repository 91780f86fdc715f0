import type { Context } from "hono";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { beginApiCall } from "@/lib/api/call";
import type { ApiContext, ApiResult } from "@/lib/api/context";
import type { EndpointSpec } from "@/lib/api/endpoints";
import { endpoint, oauth1Facts, type EdgeRequest } from "../endpoint";
import { apiJson, apiV1Family, apiV2Family } from "../errors/api";

/** What an upload endpoint gets of the request body: its bytes and declared type. */
export interface UploadBody {
  bytes: Buffer | null;
  contentType: string | null;
}

type Handler = (ctx: ApiContext, c: Context, rawBody: string | null, upload: UploadBody) => ApiResult | string | Promise<ApiResult | string>;

/**
 * Authenticates the call (OAuth 1.0a, OAuth 2.0 user or app-only, as the endpoint's row in
 * lib/api/endpoints.ts allows) and counts it against its pool; the answer's x-access-level and
 * x-rate-limit-* headers go on every answer from here on, refusals included.
 */
function apiAuth(spec: EndpointSpec) {
  return (req: EdgeRequest) => {
    const start = beginApiCall(req.db, oauth1Facts(req), spec, req.now);
    Object.assign(req.answerHeaders, start.headers);
    if (!start.ok) throw start.error;
    return start.caller;
  };
}

/**
 * A sandbox API route: bodies over 64 KiB (upload routes: `maxBody`, read as bytes) refused with X's 400 before anything is read or
 * written (declared, or counted while read — never rebuilt around a buffered copy), the caller
 * authenticated and counted, one lib call, JSON (or a ready JSON text; 204 empty) with the call's headers.
 */
export function apiEndpoint(spec: EndpointSpec, handler: Handler, opts: { maxBody?: number; bytes?: boolean } = {}) {
  return endpoint(
    { body: { max: opts.maxBody ?? MAX_BODY_BYTES, bytes: opts.bytes }, auth: apiAuth(spec), errors: spec.version === "2" ? apiV2Family : apiV1Family },
    async (req, caller) => {
      const url = new URL(req.c.req.url);
      // As Request.text() would decode it (UTF-8, a leading BOM dropped).
      const rawBody = req.body?.replace(/^\uFEFF/, "") ?? null;
      const upload = { bytes: req.bytes, contentType: req.headers.get("content-type") };
      const result = await handler({ db: req.db, caller, query: url.searchParams, origin: url.origin, now: req.now }, req.c, rawBody, upload);
      if (typeof result === "string") return new Response(result, { headers: { "content-type": "application/json; charset=utf-8", ...req.answerHeaders } });
      if (result.status === 204) return new Response(null, { status: 204, headers: req.answerHeaders });
      if (result.rawJson !== undefined) {
        return new Response(result.rawJson, { status: result.status ?? 200, headers: { "content-type": "application/json; charset=utf-8", ...req.answerHeaders } });
      }
      return apiJson(req, result.status ?? 200, result.body);
    },
  );
}

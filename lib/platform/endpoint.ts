import type { Context } from "hono";
import type { z } from "zod";
import { getDb, type Db } from "@/db/client";
import { env } from "@/lib/config/env";
import type { OAuth1RequestFacts } from "@/lib/oauth1";
import { readParams, type ParamSource, type ParamsRead } from "./params";
import { consumeTokenQuota } from "./quota";
import { multipartBoundary } from "@/lib/http/multipart";
import { hasBody, header, isFormRequest, paramsRequest, requestBytes, requestHeaders, type HeaderReader } from "./request";

/** The request as a platform endpoint sees it: read once at the edge. */
export interface EdgeRequest {
  c: Context;
  db: Db;
  now: number;
  headers: HeaderReader;
  /** The client's address as server.ts set it (the socket's, or the trusted proxy's). */
  clientIp: string;
  /** Parameters from the sources the endpoint declares (empty when it declares none). */
  params: Record<string, string>;
  /** The raw body when the endpoint declares `body` (null: none was sent, or not read; a binary multipart body is not decoded). */
  body: string | null;
  /** The body's bytes when the endpoint declares `body.bytes` (uploads). */
  bytes: Buffer | null;
  /** Headers every answer of this call carries (x-access-level, x-rate-limit-*), set by the auth step. */
  answerHeaders: Record<string, string>;
}

/** How one protocol family answers: its error type, a bad body, an exhausted budget, bad parameters. */
export interface ErrorFamily {
  /** X's answer for an error of this family's type; null for anything else (a real fault: rethrown). */
  answer(err: unknown, req: EdgeRequest): Response | null;
  /** A body that could not be read: too large, undeclared type, malformed, or a repeated parameter. */
  badRequest(read: Exclude<ParamsRead, { ok: true }>, req: EdgeRequest): Response;
  /** Over the endpoint's request budget; retry in `retryAfterS` seconds. */
  rateLimited(retryAfterS: number, req: EdgeRequest): Response;
  /** Parameters the endpoint's schema refused. */
  invalidParams(issues: readonly z.core.$ZodIssue[], req: EdgeRequest): Response;
  /** An unexpected failure (a fault, not a refusal): logged, answered in the family's shape. */
  fault(err: unknown, req: EdgeRequest): Response;
}

/**
 * What an endpoint reads and needs, declared once (as node-oidc-provider declares its grant
 * handlers with their parameters). The pipeline runs in this order, each step answering in the
 * family's own shape: body (size) → parameters (sources) → budget (key) → authentication →
 * schema → handler.
 */
export interface EndpointDecl<A, S extends z.ZodType> {
  /** Read the body as text (and as bytes with `bytes`), refused past `max` bytes before anything else runs. */
  body?: { max: number; bytes?: boolean };
  /** Where parameters come from (readParams). */
  params?: readonly ParamSource[];
  /** The rate-limit key, taken before authentication (the claimed client and the address); null: not counted here. */
  quota?: (req: EdgeRequest) => string | null;
  /** Authenticates the caller; throws the family's error, or returns what the handler needs. */
  auth: (req: EdgeRequest) => A;
  /** The parameters' schema, checked after authentication. */
  schema?: S;
  errors: ErrorFamily;
}

export type Handler<A, I> = (req: EdgeRequest, auth: A, input: I) => Response | Promise<Response>;

/** A Hono handler for one platform endpoint (see EndpointDecl); every answer, refusal or fault, is in the family's shape. */
export function endpoint<A, S extends z.ZodType = z.ZodType<Record<string, string>>>(decl: EndpointDecl<A, S>, handler: Handler<A, z.infer<S>>) {
  return async (c: Context): Promise<Response> => {
    const req: EdgeRequest = {
      c,
      db: getDb(),
      now: Date.now(),
      headers: requestHeaders(c),
      clientIp: header(c, "x-devportal-client-ip") ?? "unknown",
      params: EMPTY,
      body: null,
      bytes: null,
      answerHeaders: {},
    };
    const { errors } = decl;
    if (decl.body && hasBody(c)) {
      const bytes = await requestBytes(c, decl.body.max);
      if (bytes === null) return errors.badRequest({ ok: false, reason: "too_large" }, req);
      if (decl.body.bytes) req.bytes = bytes;
      if (!decl.body.bytes || !multipartBoundary(header(c, "content-type"))) req.body = bytes.toString("utf8");
    }
    if (decl.params) {
      const read = await readParams(paramsRequest(c), decl.params);
      if (!read.ok) return errors.badRequest(read, req);
      req.params = read.params;
    }
    if (decl.quota) {
      const key = decl.quota(req);
      const wait = key === null ? null : consumeTokenQuota(key);
      if (wait !== null) return errors.rateLimited(wait, req);
    }
    try {
      const auth = decl.auth(req);
      let input = req.params as z.infer<S>;
      if (decl.schema) {
        const parsed = decl.schema.safeParse(req.params);
        if (!parsed.success) return errors.invalidParams(parsed.error.issues, req);
        input = parsed.data;
      }
      return await handler(req, auth, input);
    } catch (err) {
      return errors.answer(err, req) ?? errors.fault(err, req);
    }
  };
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** No authentication at the edge (the protocol layer verifies the request itself, e.g. OAuth 1.0a signatures). */
export const noAuth = (): null => null;

/** What lib/oauth1 verifies of a request: method, URL as addressed, headers, and the body when it is a form. */
export function oauth1Facts(req: EdgeRequest): OAuth1RequestFacts {
  const c = req.c;
  return { method: c.req.method, url: c.req.url, headers: req.headers, body: isFormRequest(c) ? req.body : null, trustProxy: env.trustProxy };
}

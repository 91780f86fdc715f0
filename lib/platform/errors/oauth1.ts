import { v1Errors } from "@/lib/api/problems";
import { OAuth1Error, oauth1ErrorResponse, type OAuth1Failure } from "@/lib/oauth1";
import type { EdgeRequest, ErrorFamily } from "../endpoint";
import { jsonResponse } from "../responses";
import { faultAnswer } from "./shapes";

/** X's shape for an OAuth 1.0a failure, with the client's Accept taken into account (415 XML vs JSON). */
export function oauth1Failure(req: EdgeRequest, failure: OAuth1Failure): Response {
  const { status, contentType, body } = oauth1ErrorResponse(failure, req.headers.get("accept"));
  return new Response(body, { status, headers: { "content-type": contentType, "cache-control": "no-store" } });
}

const badAuthentication = (req: EdgeRequest) => oauth1Failure(req, { kind: "code", code: 215 });

/** OAuth 1.0a token endpoints and invalidate_token: X's v1.1 codes (32, 89, 135, 215, 415, 416), 429 code 88. */
export const oauth1Family: ErrorFamily = {
  answer: (err, req) => (err instanceof OAuth1Error ? oauth1Failure(req, err.failure) : null),
  badRequest: (_read, req) => badAuthentication(req),
  rateLimited: (retryAfterS) => jsonResponse(v1Errors.rateLimited().body, { status: 429, headers: { "retry-after": String(retryAfterS) } }),
  invalidParams: (_issues, req) => badAuthentication(req),
  fault: (err, req) => faultAnswer("v1", err, req, "oauth1 endpoint"),
};

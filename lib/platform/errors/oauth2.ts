import { fromParamIssues, OAuth2Error, oauth2Errors } from "@/lib/oauth2/errors";
import type { ErrorFamily } from "../endpoint";
import type { ParamsRead } from "../params";
import { TOO_MANY_REQUESTS } from "../problems";
import { noStoreJson } from "../responses";
import { faultAnswer } from "./shapes";

/** An OAuth2Error as RFC 6749's `{"error","error_description"}`, no-store; 401s carry a Basic challenge. */
export function oauth2ErrorResponse(err: OAuth2Error): Response {
  return noStoreJson(err.toJSON(), err.status, err.status === 401 ? { "WWW-Authenticate": 'Basic realm="oauth2"' } : {});
}

/** The refusal a body that could not be read deserves (type, size, JSON, repeated parameter). */
export function paramsError(read: Exclude<ParamsRead, { ok: true }>): OAuth2Error {
  switch (read.reason) {
    case "too_large":
      return oauth2Errors.tooLarge();
    case "content_type":
      return oauth2Errors.contentType();
    case "malformed":
      return oauth2Errors.malformedJson();
    case "repeated":
      return oauth2Errors.duplicateParam(read.param);
  }
}

/** X's 429 problem body, which X's token endpoints answer too. */
export const tooManyRequests = (retryAfterS: number) => noStoreJson(TOO_MANY_REQUESTS, 429, { "Retry-After": String(retryAfterS) });

/** OAuth 2.0 token, revoke and introspection endpoints: RFC 6749 bodies. */
export const oauth2Family: ErrorFamily = {
  answer: (err) => (err instanceof OAuth2Error ? oauth2ErrorResponse(err) : null),
  badRequest: (read) => oauth2ErrorResponse(paramsError(read)),
  rateLimited: tooManyRequests,
  invalidParams: (issues, req) => oauth2ErrorResponse(fromParamIssues(issues, req.params)),
  fault: (err, req) => faultAnswer("oauth2", err, req, "oauth2 endpoint"),
};

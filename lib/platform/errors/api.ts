import { ApiError, apiErrors, v1Errors } from "@/lib/api/problems";
import type { EdgeRequest, ErrorFamily } from "../endpoint";
import { jsonResponse } from "../responses";
import { faultAnswer } from "./shapes";

const JSON_TYPE = "application/json; charset=utf-8";

/** An API answer: JSON with the call's x-access-level and x-rate-limit-* headers. */
export const apiJson = (req: EdgeRequest, status: number, body: unknown) => jsonResponse(body, { status, contentType: JSON_TYPE, headers: req.answerHeaders });

const apiError = (req: EdgeRequest, err: ApiError) => apiJson(req, err.status, err.body);

/** The sandbox API's v2 endpoints: X's problem JSON. */
export const apiV2Family: ErrorFamily = {
  answer: (err, req) => (err instanceof ApiError ? apiError(req, err) : null),
  badRequest: (_read, req) => apiError(req, apiErrors.invalidRequest([{ message: "Request body is too large." }])),
  rateLimited: (_s, req) => apiError(req, apiErrors.tooManyRequests()),
  invalidParams: (_issues, req) => apiError(req, apiErrors.invalidRequest([{ message: "One or more parameters to your request was invalid." }])),
  fault: (err, req) => faultAnswer("v2", err, req, "api endpoint"),
};

/** The sandbox API's v1.1 endpoints: `{"errors":[{"code","message"}]}`. */
export const apiV1Family: ErrorFamily = {
  answer: apiV2Family.answer,
  badRequest: (_read, req) => apiError(req, v1Errors.badAuthentication()),
  rateLimited: (_s, req) => apiError(req, v1Errors.rateLimited()),
  invalidParams: (_issues, req) => apiError(req, v1Errors.badAuthentication()),
  fault: (err, req) => faultAnswer("v1", err, req, "api endpoint"),
};

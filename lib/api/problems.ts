import { PROBLEM_BASE, TOO_MANY_REQUESTS, v1Error, type Problem } from "@/lib/platform/problems";

/**
 * The sandbox API's refusals in X's shapes, built in one place. An `ApiError` carries the status
 * and body; the platform turns it into a response (lib/platform/routes/api-endpoint.ts).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.detail === "string" ? body.detail : `API error ${status}`);
    this.name = "ApiError";
  }
}

const problem = (status: number, body: Omit<Problem, "status"> & Record<string, unknown>) => new ApiError(status, { ...body, status });

export type AuthTypeName = "OAuth 1.0a User Context" | "OAuth 2.0 User Context" | "OAuth 2.0 Application-Only";

/** A parameter X names in an invalid-request error, with the message X gives. */
export interface ParamIssue {
  parameters?: Record<string, string[]>;
  message: string;
}

export const INVALID_REQUEST_DETAIL = "One or more parameters to your request was invalid.";

export const apiErrors = {
  /** Missing, unknown, expired, revoked or discarded credentials on a v2 endpoint. */
  unauthorized: () => problem(401, { title: "Unauthorized", type: "about:blank", detail: "Unauthorized" }),

  /** The credential type is not one X accepts on this endpoint (note X's two spaces). */
  unsupportedAuthentication: (used: AuthTypeName, supported: AuthTypeName[]) =>
    problem(403, {
      title: "Unsupported Authentication",
      detail: `Authenticating with ${used} is forbidden for this endpoint.  Supported authentication types are [${supported.join(", ")}].`,
      type: `${PROBLEM_BASE}unsupported-authentication`,
    }),

  /** A Standalone App (no Project) on /2/*: X's real body, with the numeric App ID. */
  clientNotEnrolled: (appId: string) =>
    new ApiError(403, {
      client_id: appId,
      detail:
        "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.",
      registration_url: "https://developer.twitter.com/en/docs/projects/overview",
      title: "Client Forbidden",
      required_enrollment: "Appropriate Level of API Access",
      reason: "client-not-enrolled",
      type: `${PROBLEM_BASE}client-forbidden`,
    }),

  /**
   * A suspended App on /2/* (X documents no body; this platform's choice): a client-forbidden
   * problem naming the App, distinct from client-not-enrolled.
   */
  clientSuspended: (appId: string) =>
    problem(403, {
      client_id: appId,
      title: "Client Forbidden",
      detail: "This App is suspended. Its owner was sent an Application suspension notice with what to do next.",
      reason: "client-suspended",
      type: `${PROBLEM_BASE}client-forbidden`,
    }),

  oauth1Permissions: () =>
    problem(403, {
      title: "Forbidden",
      detail: "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.",
      type: `${PROBLEM_BASE}oauth1-permissions`,
    }),

  /** An OAuth 2.0 user token without a scope the endpoint needs. */
  forbidden: () => problem(403, { title: "Forbidden", type: "about:blank", detail: "Forbidden" }),

  tooManyRequests: () => new ApiError(429, { ...TOO_MANY_REQUESTS }),

  invalidRequest: (issues: ParamIssue[]) =>
    new ApiError(400, {
      errors: issues,
      title: "Invalid Request",
      detail: INVALID_REQUEST_DETAIL,
      type: `${PROBLEM_BASE}invalid-request`,
    }),

  /** A resource the caller may not see or act on (a DM conversation they are not in). */
  notAuthorizedForResource: (resourceType: string, id: string) =>
    problem(403, {
      title: "Authorization Error",
      detail: `Sorry, you are not authorized to access the ${resourceType} with id: [${id}].`,
      type: `${PROBLEM_BASE}not-authorized-for-resource`,
      resource_type: resourceType,
      resource_id: id,
    }),

  /** A write on a resource that does not exist (lookups use the 200 partial error instead). */
  notFound: (resourceType: string, parameter: string, id: string) =>
    problem(404, {
      title: "Not Found Error",
      detail: `Could not find ${resourceType} with ${parameter}: [${id}].`,
      type: `${PROBLEM_BASE}resource-not-found`,
      resource_type: resourceType,
      parameter,
      value: id,
      resource_id: id,
    }),

  /** Deleting another user's Tweet. */
  notAllowed: (detail: string) => problem(403, { title: "Forbidden", type: "about:blank", detail }),
};

/** X's partial error for a lookup of something that does not exist (HTTP 200 beside or instead of `data`). */
export const resourceNotFound = (resourceType: string, parameter: string, value: string) => ({
  value,
  detail: `Could not find ${resourceType} with ${parameter}: [${value}].`,
  title: "Not Found Error",
  resource_type: resourceType,
  parameter,
  resource_id: value,
  type: `${PROBLEM_BASE}resource-not-found`,
});

/** X's partial error for a lookup the caller may not see (a protected account's Tweet). */
export const notAuthorizedToSee = (resourceType: string, parameter: string, value: string) => ({
  value,
  detail: `Sorry, you are not authorized to see the ${resourceType === "tweet" ? "Tweet" : resourceType} with ${parameter}: [${value}].`,
  title: "Authorization Error",
  resource_type: resourceType,
  parameter,
  resource_id: value,
  type: `${PROBLEM_BASE}not-authorized-for-resource`,
});

/** v1.1 refusals: `{"errors":[{"code","message"}]}`. */
export const v1Errors = {
  invalidToken: () => new ApiError(401, v1Error(89, "Invalid or expired token.")),
  badAuthentication: () => new ApiError(400, v1Error(215, "Bad Authentication data.")),
  /** An app-only or OAuth 2.0 bearer on a v1.1 user-context endpoint. */
  notAllowed: () => new ApiError(403, v1Error(220, "Your credentials do not allow access to this resource")),
  suspended: () => new ApiError(401, v1Error(416, "Invalid / suspended App.")),
  rateLimited: () => new ApiError(429, v1Error(88, "Rate limit exceeded")),
  /** A v1.1 write (POST) with a Read-only OAuth 1.0a token. */
  cannotWrite: () => new ApiError(403, v1Error(261, "Your App cannot perform write actions.")),
};

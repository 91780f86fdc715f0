/** RFC 6749 error codes, as X's OAuth 2.0 endpoints use them. */
export type OAuth2ErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "unauthorized_client"
  | "invalid_grant"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "access_denied";

/** A protocol refusal: `{"error","error_description"}` with its HTTP status. Never carries a secret. */
export class OAuth2Error extends Error {
  constructor(
    readonly error: OAuth2ErrorCode,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
    this.name = "OAuth2Error";
  }

  toJSON() {
    return { error: this.error, error_description: this.description };
  }
}

const words = (param: string) => param.replace(/_/g, " ");

/** Every refusal the OAuth 2.0 endpoints give, worded as X words them where X's wording is known. */
export const oauth2Errors = {
  missingParam: (p: string) => new OAuth2Error("invalid_request", `Missing required parameter [${p}].`),
  invalidParam: (p: string) => new OAuth2Error("invalid_request", `Value passed for the ${words(p)} was invalid.`),
  duplicateParam: (p: string) => new OAuth2Error("invalid_request", `Parameter [${p}] was sent more than once.`),
  contentType: () => new OAuth2Error("invalid_request", "Content-Type must be application/x-www-form-urlencoded."),
  malformedJson: () => new OAuth2Error("invalid_request", "The request body is not a valid JSON object of parameters."),
  tooLarge: () => new OAuth2Error("invalid_request", "The request body is too large.", 413),
  unsupportedGrantType: () => new OAuth2Error("unsupported_grant_type", "Value passed for the grant type was not supported."),
  missingAuthHeader: () => new OAuth2Error("unauthorized_client", "Missing valid authorization header", 401),
  invalidClient: () => new OAuth2Error("invalid_client", "Client authentication failed.", 401),
  secretInBody: () =>
    new OAuth2Error("invalid_request", "Send the client secret in the Authorization header (HTTP Basic), not in the request body."),
  secretMismatch: () => new OAuth2Error("invalid_request", "Value passed for the client secret did not match the authorization header."),
  clientMismatch: () => new OAuth2Error("invalid_request", "Value passed for the client id did not match the authorization header."),
  invalidCode: () => new OAuth2Error("invalid_request", "Value passed for the authorization code was invalid."),
  redirectMismatch: () =>
    new OAuth2Error("invalid_request", "Value passed for the redirect uri did not match the uri of the authorization code."),
  verifierMismatch: () => new OAuth2Error("invalid_request", "Value passed for the code verifier did not match the code challenge."),
  invalidToken: () => new OAuth2Error("invalid_request", "Value passed for the token was invalid."),
};

/** The refusal for the first problem zod found in a request's parameters. */
export function fromParamIssues(issues: readonly { path: readonly PropertyKey[] }[], input: Record<string, string>): OAuth2Error {
  const p = String(issues[0]?.path[0] ?? "request");
  if (p === "grant_type" && input.grant_type) return oauth2Errors.unsupportedGrantType();
  if (input[p] === undefined || input[p] === "") return oauth2Errors.missingParam(p);
  return oauth2Errors.invalidParam(p);
}

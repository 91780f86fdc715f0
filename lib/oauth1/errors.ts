/**
 * OAuth 1.0a failures in X's shapes. Every failure of the protocol layer is one of these; the
 * platform maps them to a response with `oauth1ErrorResponse` (one function for the protocol).
 */
export const OAUTH1_ERRORS = {
  32: { status: 401, message: "Could not authenticate you." },
  89: { status: 401, message: "Invalid or expired token." },
  135: { status: 401, message: "Timestamp out of bounds." },
  215: { status: 400, message: "Bad Authentication data." },
  415: {
    status: 403,
    message:
      "Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings.",
  },
  416: { status: 401, message: "Invalid / suspended App." },
} as const;

export type OAuth1ErrorCode = keyof typeof OAUTH1_ERRORS;

/**
 * access_token failures that X answers with a bare text body (no code): a request token that was
 * already exchanged, denied or is too old, and a wrong verifier or PIN.
 */
export const OAUTH1_TEXT_ERRORS = {
  request_token_used: "This feature is temporarily unavailable",
  invalid_verifier: "Error processing your OAuth request: Invalid oauth_verifier parameter",
} as const;

export type OAuth1TextError = keyof typeof OAUTH1_TEXT_ERRORS;

export type OAuth1Failure = { kind: "code"; code: OAuth1ErrorCode } | { kind: "text"; reason: OAuth1TextError };

export class OAuth1Error extends Error {
  constructor(readonly failure: OAuth1Failure) {
    super(failure.kind === "code" ? OAUTH1_ERRORS[failure.code].message : OAUTH1_TEXT_ERRORS[failure.reason]);
    this.name = "OAuth1Error";
  }
}

export const oauth1Error = (code: OAuth1ErrorCode) => new OAuth1Error({ kind: "code", code });
export const oauth1TextError = (reason: OAuth1TextError) => new OAuth1Error({ kind: "text", reason });

export interface OAuth1ErrorResponse {
  status: number;
  contentType: string;
  body: string;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** True when the client asked for JSON (Accept names application/json or a +json type). */
export const prefersJson = (accept: string | null | undefined) => /application\/(?:[\w.-]+\+)?json/i.test(accept ?? "");

/**
 * The one mapping of an OAuth 1.0a failure to X's wire shape: `{"errors":[{"code","message"}]}`;
 * 415 is XML unless the client asks for JSON (as X answers oauth/request_token); the access_token
 * refusals are plain text.
 */
export function oauth1ErrorResponse(failure: OAuth1Failure, accept?: string | null): OAuth1ErrorResponse {
  if (failure.kind === "text") {
    return { status: 401, contentType: "text/plain; charset=utf-8", body: OAUTH1_TEXT_ERRORS[failure.reason] };
  }
  const { status, message } = OAUTH1_ERRORS[failure.code];
  if (failure.code === 415 && !prefersJson(accept)) {
    return {
      status,
      contentType: "application/xml; charset=utf-8",
      body: `<?xml version="1.0" encoding="UTF-8"?><errors><error code="${failure.code}">${xmlEscape(message)}</error></errors>`,
    };
  }
  return {
    status,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify({ errors: [{ code: failure.code, message }] }),
  };
}

import type { Db } from "@/db/client";
import { findConsumer, type PlatformApp } from "@/lib/domain/app-credentials";
import { verifyOAuth1Request } from "@/lib/domain/oauth1";
import { resolveBearerCredential } from "@/lib/domain/oauth2/resolve";
import { isOAuthHeader, OAUTH1_ERRORS, parseSignedRequest, type OAuth1Failure, type OAuth1RequestFacts } from "@/lib/oauth1";
import { v1Error } from "@/lib/platform/problems";
import type { Permission } from "@/lib/validation/enums";
import { accessLevelFromScopes, missingScopes, oauth1Allows } from "./access-level";
import type { AuthType, EndpointSpec } from "./endpoints";
import { ApiError, apiErrors, v1Errors, type AuthTypeName } from "./problems";

/** Who is calling: the App, the user (null for app-only) and what the credential allows. */
export interface Caller {
  type: AuthType;
  app: PlatformApp;
  userId: string | null;
  accessLevel: Permission;
  scopes: string[];
  /** The App may read the user's e-mail (OAuth 1.0a email permission, or OAuth 2.0 users.email). */
  emailAllowed: boolean;
}

export type AuthResult = { ok: true; caller: Caller } | { ok: false; error: ApiError; caller?: Caller };

export const AUTH_TYPE_NAMES: Record<AuthType, AuthTypeName> = {
  oauth1: "OAuth 1.0a User Context",
  "oauth2-user": "OAuth 2.0 User Context",
  "app-only": "OAuth 2.0 Application-Only",
};

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

function oauth1Refusal(db: Db, facts: OAuth1RequestFacts, spec: EndpointSpec, failure: OAuth1Failure, now: number): ApiError {
  const code = failure.kind === "code" ? failure.code : 89;
  if (spec.version === "1.1") return new ApiError(OAUTH1_ERRORS[code].status, v1Error(code, OAUTH1_ERRORS[code].message));
  if (code !== 416) return apiErrors.unauthorized();
  const app = findConsumer(db, parseSignedRequest(facts).consumerKey, now)?.app;
  return app ? apiErrors.clientSuspended(app.id) : apiErrors.unauthorized();
}

/** The credential on the request, verified, before any endpoint rule is applied. */
function identify(db: Db, facts: OAuth1RequestFacts, spec: EndpointSpec, now: number): Caller | ApiError {
  const authorization = facts.headers.get("authorization");
  const bearer = BEARER.exec(authorization ?? "");
  if (bearer) {
    const resolved = resolveBearerCredential(db, bearer[1]!, now);
    if (!resolved) return spec.version === "1.1" ? v1Errors.invalidToken() : apiErrors.unauthorized();
    if (spec.version === "1.1") return v1Errors.notAllowed();
    const user = resolved.kind === "oauth2-user";
    return {
      type: resolved.kind,
      app: resolved.app,
      userId: resolved.user?.id ?? null,
      accessLevel: user ? accessLevelFromScopes(resolved.scopes) : "read",
      scopes: resolved.scopes,
      emailAllowed: user && resolved.app.requestEmail && resolved.scopes.includes("users.email"),
    };
  }
  const signed = isOAuthHeader(authorization) || new URL(facts.url).searchParams.has("oauth_signature");
  if (!signed && spec.version === "2") return apiErrors.unauthorized();
  const verified = verifyOAuth1Request(db, facts, now);
  if (!verified.ok) return oauth1Refusal(db, facts, spec, verified.error, now);
  return {
    type: "oauth1",
    app: verified.app,
    userId: verified.token.userId,
    accessLevel: verified.accessLevel,
    scopes: [],
    emailAllowed: verified.app.requestEmail,
  };
}

/**
 * The one authentication resolver of the sandbox API. In order: a valid credential (401) → App
 * not suspended (v2 403 client-forbidden; OAuth 1.0a on v1.1: 416) → v2 only for Apps in a
 * Project (403 client-not-enrolled) → credential type accepted by the endpoint (403
 * unsupported-authentication) → OAuth 1.0a permission (403 oauth1-permissions; v1.1: code 261) or OAuth 2.0
 * scopes (403 Forbidden). Failures after identification carry the caller (for x-access-level).
 */
export function authenticateApiRequest(db: Db, facts: OAuth1RequestFacts, spec: EndpointSpec, now = Date.now()): AuthResult {
  const caller = identify(db, facts, spec, now);
  if (caller instanceof ApiError) return { ok: false, error: caller };
  const fail = (error: ApiError): AuthResult => ({ ok: false, error, caller });
  if (caller.app.status === "suspended") return fail(spec.version === "2" ? apiErrors.clientSuspended(caller.app.id) : v1Errors.suspended());
  if (spec.version === "2" && !caller.app.projectId) return fail(apiErrors.clientNotEnrolled(caller.app.id));
  if (!spec.auth.includes(caller.type)) {
    return fail(apiErrors.unsupportedAuthentication(AUTH_TYPE_NAMES[caller.type], spec.auth.map((t) => AUTH_TYPE_NAMES[t])));
  }
  if (caller.type === "oauth1" && !oauth1Allows(caller.accessLevel, spec.oauth1)) return fail(spec.version === "2" ? apiErrors.oauth1Permissions() : v1Errors.cannotWrite());
  if (caller.type === "oauth2-user" && missingScopes(caller.scopes, spec.scopes).length > 0) return fail(apiErrors.forbidden());
  return { ok: true, caller };
}

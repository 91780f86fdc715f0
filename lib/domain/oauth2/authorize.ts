import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { authorizations, oauth2Codes, oauth2Grants } from "@/db/schema";
import { findAppByClientId, type App } from "@/lib/domain/app-credentials";
import { generateOAuth2Token, keyedHash } from "@/lib/credentials";
import { formatScope, parseScope, type Scope } from "@/lib/oauth2/scopes";
import { matchesRedirectUri } from "@/lib/validation/callback-urls";
import { AUTHORIZE_PARAMS, authorizeRequestSchema, MAX_STATE_LENGTH, type AuthorizeRequest } from "@/lib/validation/oauth2";
import { acceptsOAuth2 } from "./clients";

/** Authorization codes live 30 seconds, as X's do. */
export const CODE_TTL_MS = 30_000;

export type RawParams = Record<string, string | string[] | undefined>;

/** Where an authorize request leads: X's error page, a redirect back to the client, or consent. */
export type AuthorizeOutcome =
  | { kind: "error-page" }
  | { kind: "redirect"; url: string }
  | { kind: "consent"; app: App; request: AuthorizeRequest; scopes: Scope[] };

const single = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** `redirect_uri` plus parameters; registered URIs have no query string, but stay safe if one does. */
export function withParams(redirectUri: string, params: Record<string, string>): string {
  return `${redirectUri}${redirectUri.includes("?") ? "&" : "?"}${new URLSearchParams(params)}`;
}

function errorRedirect(redirectUri: string, error: string, state: string | undefined): AuthorizeOutcome {
  const params: Record<string, string> = { error };
  if (state !== undefined && state.length <= MAX_STATE_LENGTH) params.state = state;
  return { kind: "redirect", url: withParams(redirectUri, params) };
}

/**
 * Validates GET /i/oauth2/authorize as X does. An unknown client, OAuth 2.0 off, a suspended App
 * or a redirect_uri not on the allowlist gives the error page (never a redirect); other problems
 * go back to the (verified) redirect_uri with `error=invalid_request` or `invalid_scope`.
 */
export function checkAuthorizeRequest(db: DbOrTx, raw: RawParams): AuthorizeOutcome {
  const clientId = single(raw.client_id);
  const redirectUri = single(raw.redirect_uri);
  const app = clientId ? findAppByClientId(db, clientId) : null;
  if (!app || !acceptsOAuth2(app) || !redirectUri || !matchesRedirectUri(app.callbackUrls, redirectUri)) {
    return { kind: "error-page" };
  }
  const state = single(raw.state);
  if (AUTHORIZE_PARAMS.some((p) => Array.isArray(raw[p]))) return errorRedirect(redirectUri, "invalid_request", state);
  const input = Object.fromEntries(AUTHORIZE_PARAMS.map((p) => [p, single(raw[p])]));
  const parsed = authorizeRequestSchema.safeParse(input);
  if (!parsed.success) return errorRedirect(redirectUri, "invalid_request", state);
  const scope = parseScope(parsed.data.scope, { emailAllowed: app.requestEmail });
  if (!scope.ok) return errorRedirect(redirectUri, "invalid_scope", state);
  return { kind: "consent", app, request: parsed.data, scopes: scope.scopes };
}

/** The consent form's POST: the authorize request it carries (raw, repeats kept, and as single fields) and the decision. */
export interface ConsentForm {
  raw: RawParams;
  fields: Record<string, string>;
  decision: string | null;
  ticket: string | null;
}

/** Reads the consent form's body: each authorize parameter (a repeated one stays a list, refused later), the decision and ticket. */
export function readConsentForm(text: string): ConsentForm {
  const form = new URLSearchParams(text);
  const raw: RawParams = {};
  const fields: Record<string, string> = {};
  for (const p of AUTHORIZE_PARAMS) {
    const values = form.getAll(p);
    raw[p] = values.length > 1 ? values : values[0];
    fields[p] = values[0] ?? "";
  }
  return { raw, fields, decision: form.get("decision"), ticket: form.get("ticket") };
}

/** The authorize request as the consent form carries it (hidden fields, ticket payload). */
export const authorizeFormFields = (request: AuthorizeRequest): Record<string, string> => ({ ...request });

/**
 * The signed-in user approved: a new grant replaces the user's previous one for this App (its
 * codes and tokens go with it), a 30-second single-use code is stored as a keyed hash, and the
 * browser goes back to `redirect_uri?state=…&code=…`.
 */
export function approveAuthorization(db: DbOrTx, userId: string, raw: RawParams, now = Date.now()): AuthorizeOutcome {
  const checked = checkAuthorizeRequest(db, raw);
  if (checked.kind !== "consent") return checked;
  const { app, request, scopes } = checked;
  const code = generateOAuth2Token("ac", now);
  const scope = formatScope(scopes);
  db.transaction((tx) => {
    tx.delete(oauth2Grants).where(and(eq(oauth2Grants.appId, app.id), eq(oauth2Grants.userId, userId))).run();
    const [grant] = tx.insert(oauth2Grants).values({ appId: app.id, userId, scope, createdAt: now }).returning({ id: oauth2Grants.id }).all();
    tx.insert(oauth2Codes)
      .values({
        grantId: grant!.id,
        codeHash: keyedHash(code),
        redirectUri: request.redirect_uri,
        codeChallenge: request.code_challenge,
        codeChallengeMethod: request.code_challenge_method,
        expiresAt: now + CODE_TTL_MS,
      })
      .run();
    tx.insert(authorizations)
      .values({ appId: app.id, userId, oauth2Scope: scope, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [authorizations.appId, authorizations.userId], set: { oauth2Scope: scope, updatedAt: sql`${now}` } })
      .run();
  });
  return { kind: "redirect", url: withParams(request.redirect_uri, { state: request.state, code }) };
}

/** The user pressed Cancel: back to the client with `error=access_denied` (nothing stored). */
export function denyAuthorization(db: DbOrTx, raw: RawParams): AuthorizeOutcome {
  const checked = checkAuthorizeRequest(db, raw);
  if (checked.kind !== "consent") return checked;
  return errorRedirect(checked.request.redirect_uri, "access_denied", checked.request.state);
}

import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { oauth2Codes, oauth2Grants, oauth2Tokens } from "@/db/schema";
import type { PlatformApp } from "@/lib/domain/app-credentials";
import { preparedFor } from "@/lib/domain/prepared";
import { generateOAuth2Token, keyedHash } from "@/lib/credentials";
import { oauth2Errors, type OAuth2Error } from "@/lib/oauth2/errors";
import { verifyPkce } from "@/lib/oauth2/pkce";
import { splitScope } from "@/lib/oauth2/scopes";

/** Access tokens live 2 hours, as X's do. Refresh tokens do not expire; they are single-use. */
export const ACCESS_TOKEN_TTL_S = 7200;

export interface TokenResponse {
  token_type: "bearer";
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token?: string;
}

type Grant = typeof oauth2Grants.$inferSelect;
type Outcome = { ok: true; tokens: TokenResponse } | { ok: false; error: OAuth2Error };

const p = (name: string) => sql.placeholder(name);
const insertTokenQuery = (tx: DbOrTx) =>
  preparedFor(tx, "oauth2.insertToken", () =>
    tx.insert(oauth2Tokens).values({ grantId: p("grantId"), kind: p("kind"), tokenHash: p("tokenHash"), expiresAt: p("expiresAt"), createdAt: p("createdAt") }).prepare(),
  );

/** New access token (and refresh token with offline.access) for a grant, stored as keyed hashes. */
function issueTokens(tx: DbOrTx, grant: Grant, now: number): TokenResponse {
  const accessToken = generateOAuth2Token("at", now);
  insertTokenQuery(tx).run({ grantId: grant.id, kind: "access", tokenHash: keyedHash(accessToken), expiresAt: now + ACCESS_TOKEN_TTL_S * 1000, createdAt: now });
  const tokens: TokenResponse = { token_type: "bearer", expires_in: ACCESS_TOKEN_TTL_S, access_token: accessToken, scope: grant.scope };
  if (splitScope(grant.scope).includes("offline.access")) {
    const refreshToken = generateOAuth2Token("rt", now);
    insertTokenQuery(tx).run({ grantId: grant.id, kind: "refresh", tokenHash: keyedHash(refreshToken), expiresAt: null, createdAt: now });
    tokens.refresh_token = refreshToken;
  }
  return tokens;
}

/** Ends a whole token family: the grant, and with it (cascade) every code and token it issued. */
function revokeGrant(tx: DbOrTx, grantId: number): void {
  tx.delete(oauth2Grants).where(eq(oauth2Grants.id, grantId)).run();
}

/** Runs `fn` in one transaction whose writes stay even when the outcome is a refusal. */
function settle(db: DbOrTx, fn: (tx: DbOrTx) => Outcome): TokenResponse {
  const outcome = db.transaction((tx) => fn(tx));
  if (!outcome.ok) throw outcome.error;
  return outcome.tokens;
}

/**
 * authorization_code grant. The code is spent by the first attempt of its own client, whatever
 * the outcome; a replayed code revokes every token it issued. Throws OAuth2Error.
 */
export function exchangeAuthorizationCode(
  db: DbOrTx,
  client: PlatformApp,
  input: { code: string; redirectUri: string; codeVerifier: string },
  now = Date.now(),
): TokenResponse {
  return settle(db, (tx) => {
    const row = tx
      .select({ code: oauth2Codes, grant: oauth2Grants })
      .from(oauth2Codes)
      .innerJoin(oauth2Grants, eq(oauth2Grants.id, oauth2Codes.grantId))
      .where(eq(oauth2Codes.codeHash, keyedHash(input.code)))
      .get();
    if (!row || row.grant.appId !== client.id) return { ok: false, error: oauth2Errors.invalidCode() };
    if (row.code.usedAt !== null) {
      revokeGrant(tx, row.grant.id);
      return { ok: false, error: oauth2Errors.invalidCode() };
    }
    tx.update(oauth2Codes).set({ usedAt: now }).where(eq(oauth2Codes.id, row.code.id)).run();
    if (row.code.expiresAt <= now) return { ok: false, error: oauth2Errors.invalidCode() };
    if (row.code.redirectUri !== input.redirectUri) return { ok: false, error: oauth2Errors.redirectMismatch() };
    if (!verifyPkce(input.codeVerifier, row.code.codeChallenge, row.code.codeChallengeMethod)) {
      return { ok: false, error: oauth2Errors.verifierMismatch() };
    }
    return { ok: true, tokens: issueTokens(tx, row.grant, now) };
  });
}

/**
 * refresh_token grant: single-use and rotated. Presenting a spent refresh token revokes the whole
 * family (reuse detection) and answers X's "Value passed for the token was invalid.".
 */
export function refreshAccessToken(db: DbOrTx, client: PlatformApp, refreshToken: string, now = Date.now()): TokenResponse {
  return settle(db, (tx) => {
    const row = preparedFor(tx, "oauth2.tokenWithGrant", () =>
      tx
        .select({ token: oauth2Tokens, grant: oauth2Grants })
        .from(oauth2Tokens)
        .innerJoin(oauth2Grants, eq(oauth2Grants.id, oauth2Tokens.grantId))
        .where(eq(oauth2Tokens.tokenHash, p("hash")))
        .prepare(),
    ).get({ hash: keyedHash(refreshToken) });
    if (!row || row.token.kind !== "refresh" || row.grant.appId !== client.id) return { ok: false, error: oauth2Errors.invalidToken() };
    if (row.token.usedAt !== null || row.token.revokedAt !== null) {
      revokeGrant(tx, row.grant.id);
      return { ok: false, error: oauth2Errors.invalidToken() };
    }
    preparedFor(tx, "oauth2.markTokenUsed", () => tx.update(oauth2Tokens).set({ usedAt: sql`${p("now")}` }).where(eq(oauth2Tokens.id, p("id"))).prepare()).run({ now, id: row.token.id });
    return { ok: true, tokens: issueTokens(tx, row.grant, now) };
  });
}

/**
 * RFC 7009 revocation by the token's own client. An access token stops alone; a refresh token
 * ends its whole grant. Unknown or foreign tokens are ignored (the answer is the same).
 */
export function revokeToken(db: DbOrTx, client: PlatformApp, token: string, now = Date.now()): void {
  db.transaction((tx) => {
    const row = tx
      .select({ token: oauth2Tokens, grant: oauth2Grants })
      .from(oauth2Tokens)
      .innerJoin(oauth2Grants, eq(oauth2Grants.id, oauth2Tokens.grantId))
      .where(eq(oauth2Tokens.tokenHash, keyedHash(token)))
      .get();
    if (!row || row.grant.appId !== client.id) return;
    if (row.token.kind === "refresh") revokeGrant(tx, row.grant.id);
    else tx.update(oauth2Tokens).set({ revokedAt: now }).where(eq(oauth2Tokens.id, row.token.id)).run();
  });
}

import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { apps, credentials, oauth2Grants, oauth2Tokens, users } from "@/db/schema";
import { platformAppColumns, type PlatformApp } from "@/lib/domain/app-credentials";
import { authCache, AuthCacheRegion, secretDigest } from "@/lib/domain/auth-cache";
import { keyedHash } from "@/lib/credentials";
import { preparedFor } from "@/lib/domain/prepared";
import { splitScope } from "@/lib/oauth2/scopes";

export interface TokenUser {
  id: string;
  username: string;
  name: string;
}

/** What a bearer credential on an API call stands for. `app.status` is left to the caller to check. */
export interface ResolvedToken {
  kind: "oauth2-user" | "app-only";
  app: PlatformApp;
  user?: TokenUser;
  scopes: string[];
  /** ms since the epoch; null for app-only bearer tokens (they live until invalidated). */
  expiresAt: number | null;
  issuedAt: number;
}

const accessTokenQuery = (db: DbOrTx) =>
  preparedFor(db, "oauth2.accessToken", () =>
    db
      .select({
        expiresAt: oauth2Tokens.expiresAt,
        createdAt: oauth2Tokens.createdAt,
        scope: oauth2Grants.scope,
        app: platformAppColumns,
        user: { id: users.id, username: users.username, name: users.name },
      })
      .from(oauth2Tokens)
      .innerJoin(oauth2Grants, eq(oauth2Grants.id, oauth2Tokens.grantId))
      .innerJoin(apps, eq(apps.id, oauth2Grants.appId))
      .innerJoin(users, eq(users.id, oauth2Grants.userId))
      .where(
        and(
          eq(oauth2Tokens.tokenHash, sql.placeholder("hash")),
          eq(oauth2Tokens.kind, "access"),
          isNull(oauth2Tokens.revokedAt),
          isNull(oauth2Grants.revokedAt),
          gt(oauth2Tokens.expiresAt, sql.placeholder("now")),
        ),
      )
      .prepare(),
  );

const accessTokens = new AuthCacheRegion<ResolvedToken>("OAuth 2.0 access tokens", 50_000);
const appOnlyBearers = new AuthCacheRegion<ResolvedToken>("app-only bearer tokens", 20_000);

/**
 * An OAuth 2.0 user access token (Authorization: Bearer …) → App, user and granted scopes, or
 * null when unknown, expired, revoked, its grant was replaced, or the App has OAuth 2.0 switched
 * off. Suspended Apps still resolve: the API answers them with its own 403, not a 401.
 * Answers are remembered by the token's digest (lib/domain/auth-cache.ts); expiry is checked on
 * every use.
 */
export function resolveOAuth2AccessToken(db: DbOrTx, token: string, now = Date.now()): ResolvedToken | null {
  if (token.length === 0 || token.length > 512) return null;
  const digest = secretDigest(token);
  const cache = accessTokens.in(db);
  return cachedAccessToken(cache, digest, now) ?? lookUpAccessToken(db, cache, token, digest, now);
}

function cachedAccessToken(cache: Map<string, ResolvedToken> | null, digest: string, now: number): ResolvedToken | null {
  const hit = cache?.get(digest);
  return hit && hit.expiresAt! > now ? hit : null;
}

function lookUpAccessToken(db: DbOrTx, cache: Map<string, ResolvedToken> | null, token: string, digest: string, now: number): ResolvedToken | null {
  const row = accessTokenQuery(db).get({ hash: keyedHash(token), now });
  if (!row || !row.app.oauth2Enabled) return null;
  const resolved: ResolvedToken = {
    kind: "oauth2-user",
    app: row.app,
    user: row.user,
    scopes: splitScope(row.scope),
    expiresAt: row.expiresAt,
    issuedAt: row.createdAt,
  };
  return cache ? accessTokens.remember(cache, digest, resolved) : resolved;
}

const appOnlyBearerQuery = (db: DbOrTx) =>
  preparedFor(db, "credentials.appOnlyBearer", () =>
    db
      .select({ app: platformAppColumns, createdAt: credentials.createdAt })
      .from(credentials)
      .innerJoin(apps, eq(apps.id, credentials.appId))
      .where(and(eq(credentials.kind, "bearer"), eq(credentials.lookup, sql.placeholder("hash"))))
      .prepare(),
  );

/**
 * An app-only bearer token → its App, or null once invalidated or regenerated. Accepts the token
 * as handed out (percent-encoded) or percent-decoded, since clients differ.
 */
export function resolveBearer(db: DbOrTx, token: string): ResolvedToken | null {
  if (token.length === 0 || token.length > 512) return null;
  const digest = secretDigest(token);
  const cache = appOnlyBearers.in(db);
  return cache?.get(digest) ?? lookUpBearer(db, cache, token, digest);
}

function lookUpBearer(db: DbOrTx, cache: Map<string, ResolvedToken> | null, token: string, digest: string): ResolvedToken | null {
  const query = appOnlyBearerQuery(db);
  const row = query.get({ hash: keyedHash(token) }) ?? (/[+/=]/.test(token) ? query.get({ hash: keyedHash(encodeURIComponent(token)) }) : undefined);
  if (!row) return null;
  const resolved: ResolvedToken = { kind: "app-only", app: row.app, scopes: [], expiresAt: null, issuedAt: row.createdAt };
  return cache ? appOnlyBearers.remember(cache, digest, resolved) : resolved;
}

/**
 * Either kind of bearer credential: OAuth 2.0 user token first, then app-only bearer. Both
 * caches are asked before either database lookup.
 */
export function resolveBearerCredential(db: DbOrTx, token: string, now = Date.now()): ResolvedToken | null {
  if (token.length === 0 || token.length > 512) return null;
  const digest = secretDigest(token);
  const cache = authCache(db);
  const users = cache?.region(accessTokens) ?? null;
  const apps = cache?.region(appOnlyBearers) ?? null;
  return (
    cachedAccessToken(users, digest, now) ??
    apps?.get(digest) ??
    lookUpAccessToken(db, users, token, digest, now) ??
    lookUpBearer(db, apps, token, digest)
  );
}

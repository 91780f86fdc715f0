import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { apps, oauth2Grants, oauth2Tokens, users } from "@/db/schema";
import type { PlatformApp } from "@/lib/domain/app-credentials";
import { keyedHash } from "@/lib/credentials";
import { resolveBearer, resolveOAuth2AccessToken, type ResolvedToken } from "./resolve";

export type Introspection =
  | { active: false }
  | {
      active: true;
      token_type: "bearer" | "refresh_token";
      scope: string;
      client_id: string;
      app_id: string;
      username?: string;
      sub?: string;
      exp?: number;
      iat: number;
    };

const seconds = (ms: number) => Math.floor(ms / 1000);

function liveRefreshToken(db: DbOrTx, token: string): ResolvedToken | null {
  const row = db
    .select({ token: oauth2Tokens, grant: oauth2Grants, app: apps, user: { id: users.id, username: users.username, name: users.name } })
    .from(oauth2Tokens)
    .innerJoin(oauth2Grants, eq(oauth2Grants.id, oauth2Tokens.grantId))
    .innerJoin(apps, eq(apps.id, oauth2Grants.appId))
    .innerJoin(users, eq(users.id, oauth2Grants.userId))
    .where(eq(oauth2Tokens.tokenHash, keyedHash(token)))
    .get();
  if (!row || row.token.kind !== "refresh" || row.token.usedAt !== null || row.token.revokedAt !== null) return null;
  return { kind: "oauth2-user", app: row.app, user: row.user, scopes: row.grant.scope.split(" "), expiresAt: null, issuedAt: row.token.createdAt };
}

/**
 * RFC 7662 introspection for a team's own resource servers. Decision: the caller sees tokens of
 * any App in its own developer account (a team's API and its clients are usually separate Apps);
 * tokens of other accounts' Apps, and tokens of suspended Apps, are `{"active":false}`.
 */
export function introspectToken(db: DbOrTx, caller: PlatformApp, token: string, now = Date.now()): Introspection {
  const access = resolveOAuth2AccessToken(db, token, now);
  const refresh = access ? null : liveRefreshToken(db, token);
  const found = access ?? refresh ?? resolveBearer(db, token);
  if (!found || found.app.accountId !== caller.accountId || found.app.status !== "active") return { active: false };
  return {
    active: true,
    token_type: refresh ? "refresh_token" : "bearer",
    scope: found.scopes.join(" "),
    client_id: found.app.clientId,
    app_id: found.app.id,
    ...(found.user ? { username: found.user.username, sub: found.user.id } : {}),
    ...(found.expiresAt !== null ? { exp: seconds(found.expiresAt) } : {}),
    iat: seconds(found.issuedAt),
  };
}

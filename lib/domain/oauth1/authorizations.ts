import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { authorizations, oauth1Tokens, type Permission } from "@/db/schema";
import { issueOAuth1AccessToken } from "@/lib/domain/user-tokens";
import { decrypt } from "@/lib/credentials";
import { levelCovers } from "@/lib/oauth1";

const of = (appId: string, userId: string) => and(eq(authorizations.appId, appId), eq(authorizations.userId, userId));

/** Records (or updates) the user's OAuth 1.0a authorization of an App, for Connected apps and Sign in with X. */
export function recordOAuth1Authorization(tx: DbOrTx, appId: string, userId: string, level: Permission, now = Date.now()): void {
  tx.insert(authorizations)
    .values({ appId, userId, oauth1AccessLevel: level, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [authorizations.appId, authorizations.userId], set: { oauth1AccessLevel: level, updatedAt: now } })
    .run();
}

/** Forgets the OAuth 1.0a part of an authorization; the row goes when no OAuth 2.0 grant remains on it. */
export function clearOAuth1Authorization(tx: DbOrTx, appId: string, userId: string, now = Date.now()): void {
  tx.update(authorizations).set({ oauth1AccessLevel: null, updatedAt: now }).where(of(appId, userId)).run();
  tx.delete(authorizations).where(and(of(appId, userId), isNull(authorizations.oauth2Scope))).run();
}

/** After an OAuth 1.0a token of (App, user) ended: the authorization forgets OAuth 1.0a when no token of the user's is left. */
export function forgetOAuth1IfTokenless(tx: DbOrTx, appId: string, userId: string, now = Date.now()): void {
  const left = tx.select({ id: oauth1Tokens.id }).from(oauth1Tokens).where(and(eq(oauth1Tokens.appId, appId), eq(oauth1Tokens.userId, userId))).get();
  if (!left) clearOAuth1Authorization(tx, appId, userId, now);
}

/** True when the user already authorized the App over OAuth 1.0a at `level` or above (Sign in with X skips consent). */
export function hasOAuth1Authorization(db: DbOrTx, appId: string, userId: string, level: Permission): boolean {
  const row = db.select({ level: authorizations.oauth1AccessLevel }).from(authorizations).where(of(appId, userId)).get();
  return !!row?.level && levelCovers(row.level, level);
}

const tokenAad = (token: string) => `oauth1-token:${token}`;

/**
 * X hands the same access token back when a user authorizes an App again: the user's 3-legged
 * token at the same level is returned; one at another level is replaced.
 */
export function reuseOrIssueAccessToken(tx: DbOrTx, appId: string, userId: string, accessLevel: Permission) {
  const mine = and(eq(oauth1Tokens.appId, appId), eq(oauth1Tokens.userId, userId), eq(oauth1Tokens.source, "oauth"));
  const same = tx
    .select({ token: oauth1Tokens.token, secretEnc: oauth1Tokens.secretEnc })
    .from(oauth1Tokens)
    .where(and(mine, eq(oauth1Tokens.accessLevel, accessLevel)))
    .get();
  if (same) return { token: same.token, secret: decrypt(same.secretEnc, tokenAad(same.token)) };
  tx.delete(oauth1Tokens).where(mine).run();
  return issueOAuth1AccessToken(tx, { appId, userId, accessLevel, source: "oauth" });
}

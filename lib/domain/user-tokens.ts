import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { authorizations, oauth1Tokens, oauth2Grants, type Permission } from "@/db/schema";
import { decrypt, encrypt, generateAccessToken, generateAccessTokenSecret, secretHint } from "@/lib/credentials";
import { AuthCacheRegion } from "./auth-cache";
import { preparedFor } from "./prepared";

const tokenAad = (token: string) => `oauth1-token:${token}`;

/** Issues an OAuth 1.0a access token for (App, user) at an access level. Plaintext secret returned once. */
export function issueOAuth1AccessToken(
  tx: DbOrTx,
  input: { appId: string; userId: string; accessLevel: Permission; source: "portal" | "oauth" },
): { token: string; secret: string } {
  const token = generateAccessToken(input.userId);
  const secret = generateAccessTokenSecret();
  tx.insert(oauth1Tokens)
    .values({ ...input, token, secretEnc: encrypt(secret, tokenAad(token)), secretHint: secretHint(secret) })
    .run();
  return { token, secret };
}

export interface OAuth1TokenRecord {
  id: number;
  appId: string;
  userId: string;
  secret: string;
  accessLevel: Permission;
  source: "portal" | "oauth";
}

const oauth1AccessTokens = new AuthCacheRegion<OAuth1TokenRecord>("OAuth 1.0a access tokens", 50_000);

/** Looks up an access token; the secret is decrypted for HMAC-SHA1 verification. Remembered (lib/domain/auth-cache.ts). */
export function findOAuth1AccessToken(db: DbOrTx, token: string): OAuth1TokenRecord | null {
  const cache = oauth1AccessTokens.in(db);
  const hit = cache?.get(token);
  if (hit) return hit;
  const query = preparedFor(db, "oauth1.accessToken", () =>
    db
      .select({
        id: oauth1Tokens.id,
        appId: oauth1Tokens.appId,
        userId: oauth1Tokens.userId,
        secretEnc: oauth1Tokens.secretEnc,
        accessLevel: oauth1Tokens.accessLevel,
        source: oauth1Tokens.source,
      })
      .from(oauth1Tokens)
      .where(eq(oauth1Tokens.token, sql.placeholder("token")))
      .prepare(),
  );
  const row = query.get({ token });
  if (!row) return null;
  const { secretEnc, ...rest } = row;
  const record = { ...rest, secret: decrypt(secretEnc, tokenAad(token)) };
  return cache ? oauth1AccessTokens.remember(cache, token, record) : record;
}

export function deleteOAuth1AccessToken(tx: DbOrTx, token: string): boolean {
  return tx.delete(oauth1Tokens).where(eq(oauth1Tokens.token, token)).run().changes > 0;
}

/** The App owner's portal-generated token (hint and access level only). */
export function ownerAccessTokenInfo(db: DbOrTx, appId: string, ownerUserId: string) {
  return (
    db
      .select({ token: oauth1Tokens.token, secretHint: oauth1Tokens.secretHint, accessLevel: oauth1Tokens.accessLevel, createdAt: oauth1Tokens.createdAt })
      .from(oauth1Tokens)
      .where(and(eq(oauth1Tokens.appId, appId), eq(oauth1Tokens.userId, ownerUserId), eq(oauth1Tokens.source, "portal")))
      .get() ?? null
  );
}

/** Discards every user token of an App — OAuth 1.0a and 2.0, the owner's included (permission change, deletion). */
export function discardAllUserTokens(tx: DbOrTx, appId: string): void {
  tx.delete(oauth1Tokens).where(eq(oauth1Tokens.appId, appId)).run();
  tx.delete(oauth2Grants).where(eq(oauth2Grants.appId, appId)).run();
  tx.delete(authorizations).where(eq(authorizations.appId, appId)).run();
}

/** Ends every token one App holds for one user, the portal-generated owner token included (Connected apps → Revoke access). */
export function revokeUserAppAccess(tx: DbOrTx, appId: string, userId: string): void {
  tx.delete(oauth1Tokens).where(and(eq(oauth1Tokens.appId, appId), eq(oauth1Tokens.userId, userId))).run();
  tx.delete(oauth2Grants).where(and(eq(oauth2Grants.appId, appId), eq(oauth2Grants.userId, userId))).run();
  tx.delete(authorizations).where(and(eq(authorizations.appId, appId), eq(authorizations.userId, userId))).run();
}

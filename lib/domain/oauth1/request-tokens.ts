import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { oauth1RequestTokens, type Permission } from "@/db/schema";
import { decrypt, encrypt, generateRequestToken, keyedHash } from "@/lib/credentials";
import { randomAlnum } from "@/lib/credentials/random";

export const REQUEST_TOKEN_TTL_MS = 15 * 60_000;

export type RequestTokenRow = typeof oauth1RequestTokens.$inferSelect;

/** Request token secrets: 32 alphanumerics (X's examples are 32–40). */
const generateRequestTokenSecret = () => randomAlnum(32);

const secretAad = (tokenHash: string) => `oauth1-request:${tokenHash}`;

/** Stores a request token (keyed hash) and its secret (encrypted: it signs access_token). Plaintext returned once. */
export function createRequestToken(
  db: DbOrTx,
  input: { appId: string; callback: string; accessLevel: Permission },
  now = Date.now(),
): { token: string; secret: string } {
  const token = generateRequestToken();
  const secret = generateRequestTokenSecret();
  const tokenHash = keyedHash(token);
  db.insert(oauth1RequestTokens)
    .values({ ...input, tokenHash, secretEnc: encrypt(secret, secretAad(tokenHash)), expiresAt: now + REQUEST_TOKEN_TTL_MS, createdAt: now })
    .run();
  return { token, secret };
}

/** A request token row by its plaintext value (used or not), or null. */
export function findRequestToken(db: DbOrTx, token: string): RequestTokenRow | null {
  return db.select().from(oauth1RequestTokens).where(eq(oauth1RequestTokens.tokenHash, keyedHash(token))).get() ?? null;
}

export const requestTokenSecret = (row: RequestTokenRow) => decrypt(row.secretEnc, secretAad(row.tokenHash));

/** Still waiting for the user's decision: not approved, denied, exchanged or expired. */
export const isPending = (row: RequestTokenRow, now = Date.now()) => row.usedAt === null && row.userId === null && row.expiresAt > now;

/** SQL condition for a pending row (the same rule as isPending, for conditional updates). */
export const pendingWhere = (id: number, now: number) =>
  and(eq(oauth1RequestTokens.id, id), isNull(oauth1RequestTokens.usedAt), isNull(oauth1RequestTokens.userId), gt(oauth1RequestTokens.expiresAt, now));

/**
 * Marks a request token used (single use) and returns the row as it was approved, or null when it
 * was already used or is too old. Atomic: two concurrent exchanges cannot both get it. The rows
 * are read with all(), which throws when an autocommit fails (get() would hide it).
 */
export function burnRequestToken(db: DbOrTx, id: number, now = Date.now()): RequestTokenRow | null {
  const [row] = db
    .update(oauth1RequestTokens)
    .set({ usedAt: now })
    .where(and(eq(oauth1RequestTokens.id, id), isNull(oauth1RequestTokens.usedAt), gt(oauth1RequestTokens.expiresAt, now)))
    .returning()
    .all();
  return row ?? null;
}

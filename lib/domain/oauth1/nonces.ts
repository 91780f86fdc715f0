import { lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { oauth1Nonces, oauth1RequestTokens } from "@/db/schema";
import { TIMESTAMP_WINDOW_S } from "@/lib/oauth1";
import { preparedFor } from "@/lib/domain/prepared";

const PURGE_EVERY_MS = 60_000;
/** Used request tokens are kept a while after expiry so a late replay still gets X's answer. */
const REQUEST_TOKEN_KEEP_MS = 60 * 60_000;
const lastPurge = new WeakMap<object, number>();

/**
 * Records a nonce for a consumer key; false when it was already used within the window (replay).
 * A nonce must be remembered until its timestamp leaves the ±300 s window: after that the
 * timestamp check refuses a replay on its own. An expired row that was not purged yet is reused.
 */
export function consumeNonce(db: DbOrTx, consumerKey: string, nonce: string, timestampS: number, now = Date.now()): boolean {
  purgeExpired(db, now);
  const expiresAt = Math.max(timestampS + TIMESTAMP_WINDOW_S, Math.floor(now / 1000)) * 1000 + 1000;
  const query = preparedFor(db, "oauth1.consumeNonce", () =>
    db
      .insert(oauth1Nonces)
      .values({ consumerKey: sql.placeholder("consumerKey"), nonce: sql.placeholder("nonce"), expiresAt: sql.placeholder("expiresAt") })
      .onConflictDoUpdate({
        target: [oauth1Nonces.consumerKey, oauth1Nonces.nonce],
        set: { expiresAt: sql`excluded.expires_at` },
        setWhere: sql`${oauth1Nonces.expiresAt} <= ${sql.placeholder("now")}`,
      })
      .prepare(),
  );
  const res = query.run({ consumerKey, nonce, expiresAt, now });
  return res.changes === 1;
}

/** Deletes expired nonces and long-dead request tokens, at most once a minute per database (indexed, cheap). */
export function purgeExpired(db: DbOrTx, now = Date.now()): void {
  if (now - (lastPurge.get(db) ?? 0) < PURGE_EVERY_MS) return;
  lastPurge.set(db, now);
  db.delete(oauth1Nonces).where(lt(oauth1Nonces.expiresAt, now)).run();
  db.delete(oauth1RequestTokens).where(lt(oauth1RequestTokens.expiresAt, now - REQUEST_TOKEN_KEEP_MS)).run();
}

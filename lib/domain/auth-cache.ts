import { hash } from "node:crypto";
import type Database from "better-sqlite3";
import type { DbOrTx } from "@/db/types";

/**
 * An exact in-process cache of "credential → authenticated principal" for the platform's
 * per-call lookups (API Key → App and secret, bearer token → App, user and scopes, …).
 *
 * Exact, not "fresh enough": every answer it gives is the one the database would give now.
 * - Every UPDATE or DELETE of a row a cached answer was read from bumps the one-row `auth_epoch`
 *   table (triggers, migration 0005_auth_epoch), inside the writer's own transaction — whichever
 *   process writes: this server, `npm run admin`, a second server on the same file.
 * - That row is read (one statement on a one-row table) before the first lookup of each turn —
 *   each synchronous run of this process: one request's authentication and handler, typically —
 *   and again after any write by this connection; everything is dropped when it moved. So a
 *   revocation, suspension, permission change or deletion takes effect on the very next request
 *   when another process commits it, and on the very next lookup when this one does. Answers are
 *   stamped with the epoch read *before* their query: a change committed in between makes the
 *   next check drop them.
 * - Only positive answers are kept, and inserts do not bump the epoch: a new row cannot change an
 *   answer already given, and "unknown" is always asked of the database again.
 * - Time-bound answers (token expiry, a rotation's grace period) keep their end and are checked
 *   against the caller's clock on every use.
 * - Inside a transaction nothing is read from or written to the cache: an answer read there may
 *   be rolled back.
 * - Restoring a backup means stopping the server (README "Backups"), which empties the cache.
 *
 * Bounded per region (oldest dropped first). Values are frozen: a caller cannot change what the
 * next caller is told.
 */
export class AuthCacheRegion<V> {
  constructor(
    readonly name: string,
    readonly max: number,
  ) {}

  /** The region's entries for this database, checked against its epoch; null inside a transaction. */
  in(db: DbOrTx): Map<string, V> | null {
    return authCache(db)?.region(this) ?? null;
  }

  /** Remembers a positive answer (frozen), dropping the oldest entry past the bound. */
  remember(entries: Map<string, V>, key: string, value: V): V {
    if (entries.size >= this.max) entries.delete(entries.keys().next().value!);
    entries.set(key, deepFreeze(value));
    return value;
  }
}

/** Tables whose rows cached answers are read from; each carries `<table>_auth_epoch_update` and `_delete` triggers. */
export const EPOCH_TABLES = ["apps", "credentials", "oauth1_tokens", "oauth2_grants", "oauth2_tokens", "users"] as const;
const EPOCH_TRIGGERS = EPOCH_TABLES.flatMap((t) => [`${t}_auth_epoch_update`, `${t}_auth_epoch_delete`]);

/**
 * Whether every epoch trigger is in place. A table rebuilt by a later migration loses its
 * triggers with the old table; the cache then stays off (and says so) rather than go stale.
 */
function epochTriggersPresent(client: Database.Database): boolean {
  const names = new Set(client.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
  const missing = EPOCH_TRIGGERS.filter((t) => !names.has(t));
  if (missing.length) console.warn(`auth cache off for this database: epoch triggers missing (${missing.join(", ")})`);
  return missing.length === 0;
}

/** One database connection's cache. */
class ConnectionCache {
  epoch = NaN;
  readonly regions = new Map<string, Map<string, unknown>>();
  readonly readEpoch: Database.Statement;
  private readonly readChanges: Database.Statement;
  /** This connection's total_changes() when the epoch was last read in the current turn; null: not read in this turn. */
  private changesAtCheck: number | null = null;
  private readonly endTurn = () => {
    this.changesAtCheck = null;
  };

  constructor(client: Database.Database) {
    this.readEpoch = client.prepare("SELECT n FROM auth_epoch").pluck();
    // No table: answered without a read transaction (the epoch's statement needs one).
    this.readChanges = client.prepare("SELECT total_changes()").pluck();
  }

  /**
   * Whether the epoch must be read again: always on the first use in a turn (one synchronous run
   * of this process, ended by its microtasks), and again whenever this connection wrote since
   * (total_changes() counts trigger writes too). Another process's commit is seen from the next
   * turn on: the next request, however the current one goes on.
   */
  stale(): boolean {
    if (this.changesAtCheck === null) {
      queueMicrotask(this.endTurn);
      this.changesAtCheck = this.readChanges.get() as number;
      return true;
    }
    const changes = this.readChanges.get() as number;
    if (changes === this.changesAtCheck) return false;
    this.changesAtCheck = changes;
    return true;
  }

  /** Takes this connection's writes so far as known not to move the epoch (see writeOutsideCache). */
  acceptWrites(checkedBefore: boolean): void {
    if (checkedBefore && this.changesAtCheck !== null) this.changesAtCheck = this.readChanges.get() as number;
  }

  /** Makes the next use read the epoch again, whatever this turn saw. */
  forget(): void {
    this.changesAtCheck = null;
  }

  /** Whether the epoch was read in this turn with no write of this connection since. */
  checkedInTurn(): boolean {
    return this.changesAtCheck !== null && this.readChanges.get() === this.changesAtCheck;
  }

  region<V>(region: AuthCacheRegion<V>): Map<string, V> {
    let entries = this.regions.get(region.name);
    if (!entries) this.regions.set(region.name, (entries = new Map()));
    return entries as Map<string, V>;
  }
}

/** Per connection: its cache, or null when the epoch triggers are missing (no caching at all). */
const caches = new WeakMap<Database.Database, ConnectionCache | null>();

const clientOf = (db: DbOrTx): Database.Database => (db as unknown as { session: { client: Database.Database } }).session.client;

/**
 * The database's cache, its epoch read first when it may have moved (everything dropped if it
 * did), for one or more lookups of the same call; null inside a transaction.
 */
export function authCache(db: DbOrTx): ConnectionCache | null {
  const client = clientOf(db);
  if (client.inTransaction) return null;
  let cache = caches.get(client);
  if (cache === undefined) caches.set(client, (cache = epochTriggersPresent(client) ? new ConnectionCache(client) : null));
  if (cache === null) return null;
  if (!cache.stale()) return cache;
  const epoch = cache.readEpoch.get() as number | undefined;
  if (epoch === undefined) {
    cache.forget(); // no epoch row: no answer from memory, in this turn or later, until there is one
    for (const entries of cache.regions.values()) entries.clear();
    return null;
  }
  if (epoch !== cache.epoch) {
    for (const entries of cache.regions.values()) entries.clear();
    cache.epoch = epoch;
  }
  return cache;
}

/**
 * Runs a write to tables that no cached answer is read from (they carry no epoch trigger, e.g. the
 * OAuth 1.0a nonces) without making the next lookup of this turn read the epoch again. Only this
 * turn is concerned: the next one reads the epoch whatever was written.
 */
export function writeOutsideCache<T>(db: DbOrTx, write: () => T): T {
  const cache = caches.get(clientOf(db));
  const checked = cache?.checkedInTurn() ?? false;
  const result = write();
  cache?.acceptWrites(checked);
  return result;
}

function deepFreeze<V>(value: V): V {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The key a secret (a token, a Client Secret) is remembered under: its SHA-256. The cache never
 * holds a secret as a key; a hit costs one plain hash instead of the keyed hash (HMAC) that the
 * database lookup needs, which is only computed on a miss. Tokens and secrets are long random
 * values: without the pepper, a SHA-256 of one gives no more away than its keyed hash.
 */
export const secretDigest = (secret: string): string => hash("sha256", secret, "base64");

/** How many answers a database's cache holds now, by region (tests). */
export function authCacheSizes(db: DbOrTx): Record<string, number> {
  const cache = caches.get(clientOf(db));
  return Object.fromEntries([...(cache?.regions ?? [])].map(([name, entries]) => [name, entries.size]));
}

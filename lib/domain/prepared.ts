import type { DbOrTx } from "@/db/types";

const caches = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle prepared query, built once per database handle and reused. Hot lookups (every API
 * call) then skip drizzle's query building and SQLite's statement compile, which cost more than
 * the indexed lookup itself. The cache is keyed by drizzle's session (one per connection; a
 * transaction handle shares its database's session), so a statement prepared outside a
 * transaction also serves inside one: better-sqlite3 runs both on the same connection.
 */
export function preparedFor<T>(db: DbOrTx, key: string, build: () => T): T {
  const owner = (db as unknown as { session?: object }).session ?? db;
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  let query = cache.get(key) as T | undefined;
  if (query === undefined) cache.set(key, (query = build()));
  return query;
}

import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { env } from "@/lib/config/env";
import { createDatabaseFilePrivately } from "@/lib/runtime/file-modes";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens a SQLite file with the pragmas every connection needs (WAL, foreign keys, busy wait).
 *
 * Transactions are IMMEDIATE unless a caller asks otherwise: they take the write lock at BEGIN,
 * waiting up to busy_timeout for another process (admin CLI, a second server) to finish. A
 * DEFERRED transaction that reads and then writes cannot wait — SQLite answers SQLITE_BUSY (or
 * SQLITE_BUSY_SNAPSHOT) at once when another connection holds or has just used the write lock.
 */
export function openDatabase(file: string): Db {
  createDatabaseFilePrivately(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // A 64 MiB page cache (SQLite's default here is 16 MiB): with 1M tokens the hot part of the
  // token index no longer fits in 16 MiB, and under load every miss (a read syscall and a page
  // parse) cost users/me ~20% (bench: 0.79–0.83 of the empty-database figure, 1.01 with this).
  sqlite.pragma("cache_size = -65536");
  const db = drizzle(sqlite, { schema });
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn, config) => transaction(fn, { behavior: "immediate", ...config })) as typeof db.transaction;
  return db;
}

const globalForDb = globalThis as unknown as { devportalDb?: Db; devportalDbClosed?: boolean };

/** The process's one database client, shared by the Next and the platform request paths. */
export function getDb(): Db {
  if (globalForDb.devportalDbClosed) throw new TypeError("The database connection is not open");
  globalForDb.devportalDb ??= openDatabase(env.databaseFile);
  return globalForDb.devportalDb;
}

/** How long a replaced connection stays open for requests that already hold it. */
const RETIRE_AFTER_MS = 10_000;

/**
 * Makes `next` the process's connection (storage recovery: a connection opened while the file was
 * read-only stays read-only). The old one is closed once requests holding it had time to finish.
 */
export function replaceDb(next: Db): void {
  const old = globalForDb.devportalDb;
  globalForDb.devportalDb = next;
  if (old && old !== next) setTimeout(() => old.$client.close(), RETIRE_AFTER_MS).unref();
}


/** Closes the process's connection for good (shutdown): later getDb() calls throw. */
export function closeDb(): void {
  globalForDb.devportalDbClosed = true;
  globalForDb.devportalDb?.$client.close();
  globalForDb.devportalDb = undefined;
}

import type { Db } from "./client";

/** A drizzle transaction handle (better-sqlite3: synchronous, no await inside). */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the client or a transaction: functions that compose into a caller's transaction take this. */
export type DbOrTx = Db | Tx;

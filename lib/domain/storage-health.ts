/**
 * Storage failures, recognised in one place. A write that SQLite could not make durable (disk or
 * database full, read-only file or mount, I/O error, the file gone, the write lock held past the
 * busy timeout) becomes a StorageUnavailableError: every request family answers it with 503 and
 * Retry-After in its own shape (lib/platform/storage-answers.ts, the action wrapper, sign-in),
 * and /api/health reports `degraded` until a probe write succeeds again (./storage-probe.ts).
 */

export type StorageFailureKind = "full" | "read_only" | "io" | "unavailable" | "busy";

/** What a person is told when a change could not be saved (portal pages, actions, sign-in). */
export const STORAGE_UNAVAILABLE_MESSAGE = "The service cannot save changes right now. Nothing was changed; try again in a little while.";

const RETRY_AFTER_S: Record<StorageFailureKind, number> = { full: 30, read_only: 30, io: 30, unavailable: 30, busy: 5 };

/** The one error class for "the database cannot take this write now"; `code` is SQLite's. */
export class StorageUnavailableError extends Error {
  constructor(
    readonly kind: StorageFailureKind,
    readonly code: string,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "StorageUnavailableError";
  }

  /** Seconds a client should wait before trying again (the Retry-After header). */
  get retryAfterS(): number {
    return RETRY_AFTER_S[this.kind];
  }
}

/** SQLite result codes (primary or extended) that mean storage, not a bug or bad input. */
function kindOf(code: string): StorageFailureKind | null {
  if (code === "SQLITE_FULL") return "full";
  if (code.startsWith("SQLITE_READONLY")) return "read_only";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return "io";
  if (code.startsWith("SQLITE_CANTOPEN")) return "unavailable";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code === "SQLITE_PROTOCOL") return "busy";
  return null;
}

/** better-sqlite3's answer for a connection closed under a request (reopen after read-only, shutdown). */
const CLOSED_CONNECTION = "The database connection is not open";

/**
 * The storage failure behind `err`, or null when `err` is something else. A recognised failure is
 * also recorded for /api/health. Safe to call on anything a handler threw, more than once.
 */
export function storageFailure(err: unknown): StorageUnavailableError | null {
  // By name too: Next's server bundle holds its own copy of this class.
  if (err instanceof StorageUnavailableError || (err as Error | null)?.name === "StorageUnavailableError") return err as StorageUnavailableError;
  const e = err as { code?: unknown; message?: unknown } | null;
  let failure: StorageUnavailableError | null = null;
  if (typeof e?.code === "string" && kindOf(e.code)) failure = new StorageUnavailableError(kindOf(e.code)!, e.code, String(e.message ?? ""));
  else if (err instanceof TypeError && err.message === CLOSED_CONNECTION) failure = new StorageUnavailableError("unavailable", "CONNECTION_CLOSED", err.message);
  else if (e && typeof e === "object" && "cause" in e && e.cause !== err) {
    // drizzle wraps what a raw `sql` statement throws ("Failed to run the query …"; the SqliteError is its cause).
    return storageFailure(e.cause);
  }
  if (failure) recordStorageFailure(failure);
  return failure;
}

export interface StorageTrouble {
  kind: StorageFailureKind;
  /** SQLite's code and message of the last failure. */
  error: string;
  since: number;
  lastFailureAt: number;
  /** Failed writes and probes since `since`. */
  failures: number;
}

type Listener = (trouble: StorageTrouble) => void;
const state = globalThis as unknown as {
  devportalStorage?: { trouble: StorageTrouble | null; listeners: Set<Listener>; recovered: Set<() => void> };
};
const store = () => (state.devportalStorage ??= { trouble: null, listeners: new Set(), recovered: new Set() });

/** Notes a failed write (or probe): storage is degraded from now until a probe succeeds. */
export function recordStorageFailure(failure: StorageUnavailableError, now = Date.now()): void {
  const s = store();
  const t = s.trouble;
  // Logged once per episode, not per refused write (the log may live on the same full disk).
  if (!t) console.warn(`devportal: storage degraded, writes answer 503 (${failure.message})`);
  s.trouble = { kind: failure.kind, error: failure.message, since: t?.since ?? now, lastFailureAt: now, failures: (t?.failures ?? 0) + 1 };
  for (const listener of s.listeners) listener(s.trouble);
}

/** A probe write succeeded: storage takes writes again. */
export function clearStorageTrouble(): void {
  const s = store();
  if (!s.trouble) return;
  console.warn(`devportal: storage ok again after ${s.trouble.failures} failed writes`);
  s.trouble = null;
  const waiting = [...s.recovered];
  s.recovered.clear();
  for (const run of waiting) run();
}

/** Runs `job` once, the next time storage takes writes again (work a start-up could not write). */
export function whenStorageRecovers(job: () => void): void {
  store().recovered.add(job);
}

/** The current trouble, or null while writes work. */
export const storageTrouble = (): StorageTrouble | null => store().trouble;

/** Calls `listener` on every recorded failure (the probe scheduler); returns the unsubscribe. */
export function onStorageFailure(listener: Listener): () => void {
  store().listeners.add(listener);
  return () => store().listeners.delete(listener);
}

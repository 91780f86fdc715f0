import { env } from "@/lib/config/env";
import { getDb, openDatabase, replaceDb, type Db } from "@/db/client";
import { storageProbes } from "@/db/schema";
import { clearStorageTrouble, onStorageFailure, storageFailure, storageTrouble, type StorageUnavailableError } from "./storage-health";

/** Below this many pages of room under max_page_count the database counts as full. */
const MIN_FREE_PAGES = 16;
const PROBE_BUSY_TIMEOUT_MS = 200;
/** The probe's write: a few pages, about what a real write commits (a Tweet commits 2–4). */
const PROBE_BYTES = 16 * 1024;

/**
 * One committed write of a few pages (the storage_probes row, rewritten) and a look at the room
 * left under max_page_count. Throws what SQLite throws, or SQLITE_FULL. A passing probe does not
 * promise that every write fits: a nearly full disk can take this and refuse a larger write,
 * which then marks storage degraded again.
 */
export function probeWrite(db: Db, now = Date.now()): void {
  const sqlite = db.$client;
  const pragma = (name: string) => Number(sqlite.pragma(name, { simple: true }));
  const busyTimeout = pragma("busy_timeout");
  // A probe never holds the event loop for the full busy timeout behind another writer.
  sqlite.pragma(`busy_timeout = ${PROBE_BUSY_TIMEOUT_MS}`);
  try {
    db.insert(storageProbes)
      .values({ id: 1, pad: Buffer.alloc(PROBE_BYTES), checkedAt: now })
      .onConflictDoUpdate({ target: storageProbes.id, set: { pad: Buffer.alloc(PROBE_BYTES, now % 251), checkedAt: now } })
      .run();
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
  }
  if (pragma("max_page_count") - pragma("page_count") + pragma("freelist_count") < MIN_FREE_PAGES) {
    throw Object.assign(new Error("database or disk is full (no room under max_page_count)"), { code: "SQLITE_FULL" });
  }
}

function tryProbe(db: Db): StorageUnavailableError | null {
  try {
    probeWrite(db);
    return null;
  } catch (err) {
    const failure = storageFailure(err);
    if (!failure) throw err;
    return failure;
  }
}

/**
 * Checks that the database takes writes; true when it does (and storage is healthy again). A
 * connection opened while the file or its mount was read-only stays read-only, so on such a
 * failure a fresh connection is tried and, when it can write, becomes the process's connection.
 */
export function probeStorage(): boolean {
  const failure = tryProbe(getDb());
  if (failure && (failure.kind === "read_only" || failure.kind === "unavailable")) {
    let fresh: Db | null = null;
    try {
      fresh = openDatabase(env.databaseFile);
    } catch (err) {
      if (!storageFailure(err)) throw err;
    }
    if (fresh && !tryProbe(fresh)) {
      replaceDb(fresh);
      clearStorageTrouble();
      return true;
    }
    fresh?.$client.close();
    return false;
  }
  if (!failure) clearStorageTrouble();
  return !failure;
}

/** At most one on-demand probe per second (health checks may come often). */
const ON_DEMAND_EVERY_MS = 1000;
const timers = globalThis as unknown as { devportalStorageWatch?: { timer: NodeJS.Timeout | null; lastProbe: number; stop: () => void } };

/** While storage is degraded, probe now and then (health requests); true when writes work. */
export function probeIfDegraded(now = Date.now()): boolean {
  if (!storageTrouble()) return true;
  const w = timers.devportalStorageWatch;
  if (w && now - w.lastProbe < ON_DEMAND_EVERY_MS) return false;
  if (w) w.lastProbe = now;
  return probeStorage();
}

/**
 * Probes every `intervalMs` while storage is degraded, so writes come back without a restart
 * (the first failure starts the timer, a passing probe stops it). Returns the stop function.
 */
export function watchStorage(intervalMs = 5000): () => void {
  timers.devportalStorageWatch?.stop();
  const watch = { timer: null as NodeJS.Timeout | null, lastProbe: 0, stop: () => {} };
  const tick = () => {
    watch.lastProbe = Date.now();
    try {
      if (!probeStorage() || !watch.timer) return;
    } catch (err) {
      // Not a storage failure (a bug): logged, never thrown out of a timer (that would end the process).
      console.error("storage probe failed", (err as Error)?.name, (err as Error)?.message);
      return;
    }
    clearInterval(watch.timer);
    watch.timer = null;
  };
  const unsubscribe = onStorageFailure(() => {
    if (watch.timer) return;
    watch.timer = setInterval(tick, intervalMs);
    watch.timer.unref();
  });
  watch.stop = () => {
    unsubscribe();
    if (watch.timer) clearInterval(watch.timer);
    watch.timer = null;
  };
  timers.devportalStorageWatch = watch;
  return watch.stop;
}

/**
 * The start-up check: can the database be written? When not, the server still starts (reads
 * work) and says so; storage is degraded and probed until writes work.
 */
export function checkStorageAtStart(log: (line: string) => void = console.warn): boolean {
  if (probeStorage()) return true;
  const t = storageTrouble();
  log(`devportal: the database cannot be written (${t?.error ?? "unknown"}); serving reads, writes answer 503 until it can (checked every few seconds)`);
  return false;
}

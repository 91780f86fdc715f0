import fs from "node:fs";
import path from "node:path";

/** Folders that hold data: owner only. */
export const FOLDER_MODE = 0o700;
/** The database and its -wal / -shm files: owner read/write only (they hold hashes and ciphertext). */
export const FILE_MODE = 0o600;

const DATABASE_SIDE_FILES = ["", "-wal", "-shm", "-journal"];

/**
 * Creates the database file's folder (0700) and an empty database file (0600) when missing, so
 * SQLite opens a private file: it gives the -wal and -shm files it creates the database file's mode.
 */
export function createDatabaseFilePrivately(file: string): void {
  if (file === ":memory:" || file === "") return;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: FOLDER_MODE });
  try {
    fs.closeSync(fs.openSync(file, "wx", FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}

/** Removes group and other permission bits; answers what changed ("0644 → 0600"), or null. */
function tighten(target: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return null;
  }
  const mode = stat.mode & 0o7777;
  // Never a shared folder such as /tmp (sticky bit), nor one that belongs to someone else.
  if (stat.isDirectory() && (mode & 0o1000 || (typeof process.getuid === "function" && stat.uid !== process.getuid()))) return null;
  if ((mode & 0o077) === 0) return null;
  const next = mode & ~0o077;
  fs.chmodSync(target, next);
  const octal = (m: number) => m.toString(8).padStart(4, "0");
  return `${target}: mode ${octal(mode)} → ${octal(next)}`;
}

/**
 * At start: the data folder 0700, the database and its -wal / -shm (and a leftover -journal)
 * 0600 — created so, and tightened when an older install left them readable by others. Answers
 * one line per change, for the start-up log.
 */
export function secureDataFiles(dataDir: string, databaseFile: string): string[] {
  fs.mkdirSync(dataDir, { recursive: true, mode: FOLDER_MODE });
  const changes = [tighten(dataDir)];
  for (const suffix of DATABASE_SIDE_FILES) changes.push(tighten(databaseFile + suffix));
  return changes.filter((c): c is string => c !== null);
}

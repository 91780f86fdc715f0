import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { env } from "@/lib/config/env";

/** `$DATA_DIR/backups/devportal-<UTC timestamp>.sqlite` */
export function defaultBackupFile(now = new Date()): string {
  return path.join(env.dataDir, "backups", `devportal-${now.toISOString().replace(/[:.]/g, "-")}.sqlite`);
}

export interface BackupResult {
  file: string;
  pages: number;
}

/**
 * A consistent copy of the live database through SQLite's online backup API, safe while the
 * server writes (WAL: the copy is one read snapshot, writers are not blocked). The copy gets mode
 * 0600 and is checked with `PRAGMA integrity_check`. Refuses to overwrite an existing file.
 * Restoring needs the same `secrets.json` (or key env values): see README, "Backups".
 */
export async function backupDatabase(target = defaultBackupFile(), source = env.databaseFile): Promise<BackupResult> {
  const file = path.resolve(target);
  if (!fs.existsSync(source)) throw new Error(`no database at ${source} (set DATA_DIR or DATABASE_FILE)`);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; choose a new file`);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // All remaining pages in one step: one read snapshot, so writes cannot restart the copy.
    const { totalPages } = await db.backup(file, { progress: () => 0x7fffffff });
    fs.chmodSync(file, 0o600);
    const copy = new Database(file, { fileMustExist: true });
    try {
      const integrity = copy.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") throw new Error(`the copy in ${file} failed integrity_check: ${String(integrity)}`);
    } finally {
      copy.close();
    }
    return { file, pages: totalPages };
  } finally {
    db.close();
  }
}

if (require.main === module) {
  backupDatabase(process.argv[2] || undefined)
    .then(({ file, pages }) => console.log(`backup: ${file} (${pages} pages, integrity ok)`))
    .catch((err: unknown) => {
      console.error(`backup failed: ${(err as Error).message}`);
      process.exit(1);
    });
}

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "@/db/client";

/** Test support: every user table of the database. */
export function tableNames(db: Db): string[] {
  return db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all()
    .map((r) => (r as { name: string }).name);
}

/**
 * A fingerprint of every table (row count and a hash of the rows): two equal snapshots mean
 * nothing was inserted, updated or deleted in between.
 */
export function snapshot(db: Db): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of tableNames(db)) {
    const rows = db.$client.prepare(`select * from "${name}" order by rowid`).raw().all();
    const hash = createHash("sha256");
    for (const row of rows) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString("base64") : v)));
    out[name] = `${rows.length}:${hash.digest("hex").slice(0, 16)}`;
  }
  return out;
}

/** Tables whose fingerprint changed between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
}

/**
 * A frozen copy of a seeded database; `fork()` opens a fresh copy so each test case starts from
 * the same state (destructive calls cannot influence the next case).
 */
export function freeze(db: Db): { fork: () => Db } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-template-"));
  const template = path.join(dir, "template.sqlite");
  db.$client.exec(`vacuum into '${template.replace(/'/g, "''")}'`);
  let n = 0;
  return {
    fork: () => {
      const file = path.join(dir, `fork-${n++}.sqlite`);
      fs.copyFileSync(template, file);
      return openDatabase(file);
    },
  };
}

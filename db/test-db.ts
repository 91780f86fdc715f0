import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "./client";
import { migrateDatabase } from "./migrate";

/** A real, migrated SQLite file in a temp folder, for domain tests. */
export function createTestDb(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-db-"));
  const db = openDatabase(path.join(dir, "test.sqlite"));
  migrateDatabase(db);
  return db;
}

import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getDb, type Db } from "./client";

export const migrationsFolder = path.join(__dirname, "migrations");

/** Applies every pending drizzle-kit migration; safe to run on each start. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder });
}

if (require.main === module) {
  migrateDatabase(getDb());
  console.log("migrations applied");
}

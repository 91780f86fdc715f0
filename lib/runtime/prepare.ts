import fs from "node:fs";
import { env } from "@/lib/config/env";
import { keyMaterial } from "@/lib/credentials/keys";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Zero-config start: data folder, generated secrets (mode 0600) and migrations. */
export function prepareRuntime(): void {
  fs.mkdirSync(env.dataDir, { recursive: true });
  const keys = keyMaterial();
  process.env.NEXTAUTH_SECRET ??= keys.authSecret;
  migrateDatabase(getDb());
}

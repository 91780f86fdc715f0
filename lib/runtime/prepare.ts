import { env } from "@/lib/config/env";
import { keyMaterial } from "@/lib/credentials/keys";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { repairOwnerTokens } from "@/lib/domain/owner-token-repair";
import { secureDataFiles } from "./file-modes";

/** Zero-config start: data folder (0700), database files and generated secrets (0600), migrations. */
export function prepareRuntime(): void {
  for (const change of secureDataFiles(env.dataDir, env.databaseFile)) console.log(`devportal: data file tightened, ${change}`);
  const keys = keyMaterial();
  process.env.NEXTAUTH_SECRET ??= keys.authSecret;
  migrateDatabase(getDb());
  const repaired = repairOwnerTokens(getDb());
  if (repaired.teams + repaired.revoked + repaired.listed) console.log(`devportal: owner tokens repaired: ${JSON.stringify(repaired)}`);
}

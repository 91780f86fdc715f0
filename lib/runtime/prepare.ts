import { env } from "@/lib/config/env";
import { keyMaterial } from "@/lib/credentials/keys";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { repairOwnerTokens } from "@/lib/domain/owner-token-repair";
import { storageFailure, whenStorageRecovers } from "@/lib/domain/storage-health";
import { secureDataFiles } from "./file-modes";

/** Zero-config start: data folder (0700), database files and generated secrets (0600), migrations. */
export function prepareRuntime(): void {
  for (const change of secureDataFiles(env.dataDir, env.databaseFile)) console.log(`devportal: data file tightened, ${change}`);
  const keys = keyMaterial();
  process.env.NEXTAUTH_SECRET ??= keys.authSecret;
  migrateDatabase(getDb());
  repairOwnerTokensOnceWritable();
}

/**
 * The owner-token repair writes; on a database that cannot be written at start (the server then
 * starts degraded, serving reads) it runs as soon as writes work again, without a restart.
 */
function repairOwnerTokensOnceWritable(): void {
  try {
    const repaired = repairOwnerTokens(getDb());
    if (repaired.teams + repaired.revoked + repaired.listed) console.log(`devportal: owner tokens repaired: ${JSON.stringify(repaired)}`);
  } catch (err) {
    const failure = storageFailure(err);
    if (!failure) throw err;
    console.warn("devportal: the owner-token repair waits until the database can be written");
    whenStorageRecovers(() => {
      try {
        repairOwnerTokensOnceWritable();
      } catch (e) {
        console.error("owner-token repair failed", (e as Error)?.name, (e as Error)?.message);
      }
    });
  }
}

/**
 * Test support: the platform alone in its own process (on DATA_DIR, a free loopback port), so a
 * test can give it a file-size limit (a full disk) or another user that its own process does not
 * share. Checks and probes storage as server.ts does. Prints `{"port":…}` once listening.
 * Started by startPlatformProcess (./test-server.ts).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { checkStorageAtStart, watchStorage } from "@/lib/domain/storage-probe";
import { platformListener } from "./listener";

migrateDatabase(getDb());
checkStorageAtStart();
watchStorage(500);
const server = createServer(platformListener());
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
process.on("SIGTERM", () => process.exit(0));

/**
 * Test support: the platform alone in its own process (on DATA_DIR, a free loopback port), so a
 * test can give it a file-size limit (a full disk) or another user that its own process does not
 * share. Served as server.ts serves it (timeouts, connection cap, storage check and probe, bounded
 * shutdown on SIGTERM). Prints `{"port":…}` once listening. Started by startPlatformProcess (./test-server.ts).
 */
import type { AddressInfo } from "node:net";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { checkStorageAtStart, watchStorage } from "@/lib/domain/storage-probe";
import { createHttpServer, serverLimits } from "@/lib/runtime/http-server";
import { stopOnSignals } from "@/lib/runtime/shutdown";
import { platformListener } from "./listener";

const limits = serverLimits();
migrateDatabase(getDb());
checkStorageAtStart();
watchStorage(500);
const http = createHttpServer(platformListener(), limits);
http.server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: (http.server.address() as AddressInfo).port })));
stopOnSignals(http, limits.shutdownTimeoutMs, () => undefined);

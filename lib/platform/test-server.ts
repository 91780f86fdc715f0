import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { platformListener } from "./listener";

/**
 * Test support: the platform on a real loopback port, served as server.ts serves it (minus the
 * client-address normalisation, so tests may name an address), against the worker's temp
 * database (DATA_DIR is set per vitest worker by db/test-setup.ts before the first getDb()).
 */
export async function startPlatform(): Promise<{ base: string; close: () => Promise<void> }> {
  migrateDatabase(getDb());
  const server = createServer(platformListener());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

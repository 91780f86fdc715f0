import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createPlatformApp } from "../app";

/**
 * The platform app on a real loopback port, against the worker's temp database (DATA_DIR is set
 * per vitest worker by db/test-setup.ts before the first getDb()).
 */
export async function startPlatform(): Promise<{ base: string; close: () => Promise<void> }> {
  migrateDatabase(getDb());
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: createPlatformApp().fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

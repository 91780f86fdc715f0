import type { ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { spawnWithFileSizeLimit } from "@/db/test-file-size-limit";
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

/**
 * Test support: the platform in its own process (lib/platform/test-serve.ts) on `dataDir`,
 * optionally with a file-size limit (writes past it fail as on a full disk, see
 * db/test-file-size-limit.ts) or as another user (`uid`/`gid`, for file permissions when root).
 */
export async function startPlatformProcess(
  dataDir: string,
  opts: { fileSizeLimit?: number; uid?: number; gid?: number } = {},
): Promise<{ base: string; child: ChildProcess; output: () => string; close: () => Promise<void> }> {
  const user = opts.uid === undefined ? {} : { uid: opts.uid, gid: opts.gid };
  const child = spawnWithFileSizeLimit(opts.fileSizeLimit ?? "unlimited", path.join(__dirname, "test-serve.ts"), [], { DATA_DIR: dataDir }, user);
  let log = "";
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`platform process exited (${code}): ${log}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => log,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Preloaded into the bench's server process (`node --expose-gc --import tsx --import
 * ./bench/server-probe.ts server.ts`, see bench/server.ts); answers the bench over the IPC channel
 * and changes nothing else about the server:
 * - `reference`: serves the yardstick routes (bench/reference-routes.ts) on a second port of the
 *   same process — same event loop, same database connection, same platform listener and header
 *   normalisation as server.ts — and answers their URL;
 * - `heap`: a full collection (twice: finalizers), then process.memoryUsage().
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

interface ProbeMessage {
  probe: "reference" | "heap";
  id: number;
}

async function serveReference(): Promise<string> {
  const { normalizeHeaders } = await import("@/lib/platform/client-address");
  const { createPlatformApp } = await import("@/lib/platform/app");
  const { platformListener } = await import("@/lib/platform/listener");
  const { addReferenceRoutes } = await import("./reference-routes");
  const app = createPlatformApp();
  addReferenceRoutes(app);
  const handle = platformListener(app);
  const server = createServer((req, res) => {
    normalizeHeaders(req);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function heap(): NodeJS.MemoryUsage {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("the bench server runs with --expose-gc");
  gc();
  gc();
  return process.memoryUsage();
}

if (process.send) {
  process.on("message", (m: ProbeMessage) => {
    if (!m || typeof m !== "object" || !("probe" in m)) return;
    const answer = m.probe === "reference" ? serveReference() : Promise.resolve(heap());
    answer.then(
      (value) => process.send!({ probe: m.probe, id: m.id, value }),
      (err: Error) => process.send!({ probe: m.probe, id: m.id, error: err.stack ?? err.message }),
    );
  });
  // The IPC channel must not keep a stopped server alive.
  process.channel?.unref();
}

/**
 * Profiling helper: the platform app alone behind node:http, as server.ts serves it (same header
 * normalisation and platform listener) but without Next, so a platform change is measured in seconds
 * without a `next build`. Used by bench/platform-only.ts; not part of `npm run bench`.
 */
import { createServer } from "node:http";
import { env } from "@/lib/config/env";
import { normalizeHeaders } from "@/lib/platform/client-address";
import { createPlatformApp } from "@/lib/platform/app";
import { platformListener } from "@/lib/platform/listener";
import { addReferenceRoutes } from "./reference-routes";

const app = createPlatformApp();
if (process.env.BENCH_REFERENCE === "1") addReferenceRoutes(app);
const handlePlatform = platformListener(app);
const server = createServer((req, res) => {
  normalizeHeaders(req);
  handlePlatform(req, res);
});
server.listen(env.port, env.host, () => console.log(`platform-only: ready on http://${env.host}:${env.port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
if (process.env.BENCH_MEMORY_LOG) {
  const MB = 1024 * 1024;
  // BENCH_MEMORY_LOG=gc (with node --expose-gc): a full collection first, so heapUsed is what is retained.
  const gc = process.env.BENCH_MEMORY_LOG === "gc" ? (globalThis as { gc?: () => void }).gc : undefined;
  setInterval(() => {
    gc?.();
    const m = process.memoryUsage();
    console.log(`platform-only memory: rss ${(m.rss / MB).toFixed(0)} heapTotal ${(m.heapTotal / MB).toFixed(0)} heapUsed ${(m.heapUsed / MB).toFixed(0)} external ${(m.external / MB).toFixed(0)} arrayBuffers ${(m.arrayBuffers / MB).toFixed(0)}`);
  }, 5000).unref();
}

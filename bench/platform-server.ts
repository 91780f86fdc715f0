/**
 * Profiling helper: the platform app alone behind node:http, as server.ts serves it (same header
 * normalisation and Hono listener) but without Next, so a platform change is measured in seconds
 * without a `next build`. Used by bench/platform-only.ts; not part of `npm run bench`.
 */
import { createServer } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { env } from "@/lib/config/env";
import { createPlatformApp } from "@/lib/platform/app";
import { normalizeHeaders } from "@/lib/platform/http";

const handlePlatform = getRequestListener(createPlatformApp().fetch);
const server = createServer((req, res) => {
  normalizeHeaders(req);
  void handlePlatform(req, res);
});
server.listen(env.port, env.host, () => console.log(`platform-only: ready on http://${env.host}:${env.port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));

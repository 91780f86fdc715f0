import { createServer, type IncomingMessage } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { env } from "@/lib/config/env";
import { createPlatformApp } from "@/lib/platform/app";
import { isPlatformPath } from "@/lib/platform/paths";
import { ensureBuild } from "@/lib/runtime/build";
import { prepareRuntime } from "@/lib/runtime/prepare";

const dev = process.argv.includes("--dev");

/** Client address for rate limits: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
function clientAddress(req: IncomingMessage): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (env.trustProxy && typeof forwarded === "string") return forwarded.split(",")[0]!.trim();
  return req.socket.remoteAddress ?? "unknown";
}

/** Headers the app relies on are set here, never taken from the client unless TRUST_PROXY says so. */
function normalizeHeaders(req: IncomingMessage): void {
  req.headers["x-devportal-client-ip"] = clientAddress(req);
  if (!env.trustProxy) {
    req.headers["x-forwarded-proto"] = "http";
    delete req.headers["x-forwarded-host"];
  }
}

async function main(): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  prepareRuntime();
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "true";
  if (!dev) ensureBuild();

  const { default: next } = await import("next");
  const nextApp = next({ dev, dir: __dirname, hostname: "localhost", port: env.port });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  const handlePlatform = getRequestListener(createPlatformApp().fetch);

  const server = createServer((req, res) => {
    normalizeHeaders(req);
    if (isPlatformPath(req.url ?? "/")) void handlePlatform(req, res);
    else void handleNext(req, res);
  });
  server.listen(env.port, env.host, () => {
    console.log(`devportal: ready on http://localhost:${env.port} (${dev ? "dev" : "production"})`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

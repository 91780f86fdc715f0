import { env } from "@/lib/config/env";
import { checkStorageAtStart, watchStorage } from "@/lib/domain/storage-probe";
import { normalizeHeaders } from "@/lib/platform/client-address";
import { platformListener } from "@/lib/platform/listener";
import { isPlatformPath } from "@/lib/platform/paths";
import { ensureBuild } from "@/lib/runtime/build";
import { createHttpServer, serverLimits } from "@/lib/runtime/http-server";
import { prepareRuntime } from "@/lib/runtime/prepare";
import { stopOnSignals } from "@/lib/runtime/shutdown";
import { guardEdge } from "@/lib/security/edge";

const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  const limits = serverLimits();
  prepareRuntime();
  const writable = checkStorageAtStart();
  watchStorage();
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "true";
  if (!dev) ensureBuild();

  const { default: next } = await import("next");
  const nextApp = next({ dev, dir: __dirname, hostname: "localhost", port: env.port });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  const handlePlatform = platformListener();

  const http = createHttpServer((req, res) => {
    normalizeHeaders(req);
    if (guardEdge(req, res)) return;
    if (isPlatformPath(req.url ?? "/")) handlePlatform(req, res);
    else void handleNext(req, res);
  }, limits);
  http.server.listen(env.port, env.host, () => {
    const storage = writable ? "" : ", storage degraded: writes answer 503";
    console.log(`devportal: ready on http://localhost:${env.port} (${dev ? "dev" : "production"}${storage})`);
  });
  stopOnSignals(http, limits.shutdownTimeoutMs);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

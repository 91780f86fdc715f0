import { createServer } from "node:http";
import { env } from "@/lib/config/env";
import { normalizeHeaders } from "@/lib/platform/http";
import { platformListener } from "@/lib/platform/listener";
import { isPlatformPath } from "@/lib/platform/paths";
import { ensureBuild } from "@/lib/runtime/build";
import { prepareRuntime } from "@/lib/runtime/prepare";
import { guardEdge } from "@/lib/security/edge";

const dev = process.argv.includes("--dev");

async function main(): Promise<void> {
  (process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
  prepareRuntime();
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = "true";
  if (!dev) ensureBuild();

  const { default: next } = await import("next");
  const nextApp = next({ dev, dir: __dirname, hostname: "localhost", port: env.port });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  const handlePlatform = platformListener();

  const server = createServer((req, res) => {
    normalizeHeaders(req);
    if (guardEdge(req, res)) return;
    if (isPlatformPath(req.url ?? "/")) handlePlatform(req, res);
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

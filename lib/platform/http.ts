import type { IncomingMessage } from "node:http";
import { env } from "@/lib/config/env";

/** Client address for rate limits: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string") return forwarded.split(",")[0]!.trim();
  return req.socket.remoteAddress ?? "unknown";
}

/** Headers the app relies on are set here, never taken from the client unless TRUST_PROXY says so. */
export function normalizeHeaders(req: IncomingMessage): void {
  const trustProxy = env.trustProxy;
  req.headers["x-devportal-client-ip"] = clientAddress(req, trustProxy);
  if (!trustProxy) {
    req.headers["x-forwarded-proto"] = "http";
    delete req.headers["x-forwarded-host"];
  }
}

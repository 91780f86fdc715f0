import type { IncomingMessage } from "node:http";
import { env } from "@/lib/config/env";

const CLIENT_IP = "x-devportal-client-ip";

/** Client address for rate limits: the socket's, or X-Forwarded-For's first hop behind a trusted proxy. */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string") return forwarded.split(",")[0]!.trim();
  return req.socket.remoteAddress ?? "unknown";
}

/**
 * Headers the app relies on are set here, never taken from the client unless TRUST_PROXY says so.
 * Both views of the request are rewritten: Next reads `req.headers`, while @hono/node-server
 * builds the platform's Request headers from `req.rawHeaders`.
 */
export function normalizeHeaders(req: IncomingMessage): void {
  const trustProxy = env.trustProxy;
  const address = clientAddress(req, trustProxy);
  req.headers[CLIENT_IP] = address;
  if (!trustProxy) {
    req.headers["x-forwarded-proto"] = "http";
    delete req.headers["x-forwarded-host"];
  }
  const raw = req.rawHeaders;
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (name === CLIENT_IP || (!trustProxy && (name === "x-forwarded-proto" || name === "x-forwarded-host"))) continue;
    kept.push(raw[i]!, raw[i + 1]!);
  }
  kept.push(CLIENT_IP, address);
  if (!trustProxy) kept.push("x-forwarded-proto", "http");
  req.rawHeaders = kept;
}

import type { IncomingMessage } from "node:http";
import { env } from "@/lib/config/env";
import { forwardedClient } from "@/lib/security/forwarded";

const CLIENT_IP = "x-devportal-client-ip";

/**
 * Client address for rate limits and lockouts: the socket's; behind TRUST_PROXY=N proxies, the
 * N-th X-Forwarded-For entry from the right (the one the outermost trusted proxy appended), never
 * the left-most, which the client writes itself (lib/security/forwarded.ts).
 */
function clientAddress(req: IncomingMessage, hops: number): string {
  return forwardedClient(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
}

/**
 * Headers the app relies on are set here, never taken from the client unless TRUST_PROXY says so.
 * Both views of the request are rewritten: Next reads `req.headers`, while @hono/node-server
 * builds the platform's Request headers from `req.rawHeaders`.
 */
export function normalizeHeaders(req: IncomingMessage): void {
  const trustProxy = env.trustProxy;
  const address = clientAddress(req, env.trustProxyHops);
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

import type { IncomingMessage, ServerResponse } from "node:http";

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The largest request body each route may send, checked at the edge (server.ts) before anything
 * reads it. The first matching row wins. Below these, each route keeps its own answer for what is
 * too large (the platform's protocol errors, the consent route's cap, Next's action limit).
 */
const LIMITS: Array<{ platform: boolean; method?: string; path: RegExp; max: number; why: string }> = [
  { platform: true, path: /^\/api\/health$/, max: 0, why: "reads no body" },
  { platform: true, path: /^\//, max: 64 * KiB, why: "the platform reads at most 64 KiB on any route (OAuth 1.0a, OAuth 2.0, API)" },
  { platform: false, method: "POST", path: /^\/api\/auth\//, max: 16 * KiB, why: "next-auth: a sign-in form or a sign-out CSRF token" },
  { platform: false, method: "POST", path: /^\/i\/oauth2\/authorize\/decision$/, max: 16 * KiB, why: "the OAuth 2.0 consent form (the route's own cap)" },
  { platform: false, method: "POST", path: /^\//, max: 2 * MiB, why: "server actions, icon uploads (next.config serverActions.bodySizeLimit)" },
  { platform: false, path: /^\//, max: 0, why: "no other portal route reads a body" },
];

/** The body limit of a request, in bytes. */
export function bodyLimit(method: string, pathname: string, platform: boolean): number {
  for (const row of LIMITS) {
    if (row.platform === platform && (!row.method || row.method === method) && row.path.test(pathname)) return row.max;
  }
  return 0;
}

function answer(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(message),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    // The body is never read: the connection cannot carry another request.
    connection: "close",
  });
  res.end(message);
}

/**
 * Refuses, before a byte of it is read, a body larger than the route's limit: 413 when the
 * declared Content-Length is over it. A portal (Next) route never gets a body of unknown length
 * (chunked): 411, as browsers always declare the length of what they send. Platform routes count
 * chunked bodies as they read them and stop at their cap. Answers true when it answered.
 */
export function refuseOversizedBody(req: IncomingMessage, res: ServerResponse, pathname: string, platform: boolean): boolean {
  const max = bodyLimit(req.method ?? "GET", pathname, platform);
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) <= max) return false;
    answer(res, 413, `Request body too large: this route accepts at most ${max} bytes.`);
    return true;
  }
  if (platform || req.headers["transfer-encoding"] === undefined) return false;
  answer(res, 411, "A request body must declare its Content-Length.");
  return true;
}

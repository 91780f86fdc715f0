import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { env } from "@/lib/config/env";
import { HSTS, servedOverTls } from "./csp";

/**
 * The policy of an HTML answer that no page CSP covered (proxy.ts sets the nonce-based one on
 * every page it matches): nothing runs, nothing frames it, forms post only here.
 */
export const FALLBACK_CSP = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type HeaderArg = OutgoingHttpHeaders | Array<string | string[]> | undefined;

/** A header's value among those set so far and those handed to writeHead. */
function headerIn(res: ServerResponse, args: unknown[], name: string): string | undefined {
  const last = args[args.length - 1] as HeaderArg | string;
  if (Array.isArray(last)) {
    for (let i = 0; i < last.length; i += 2) if (String(last[i]).toLowerCase() === name) return String(last[i + 1]);
  } else if (last && typeof last === "object") {
    for (const [k, v] of Object.entries(last)) if (k.toLowerCase() === name && v !== undefined) return String(v);
  }
  const set = res.getHeader(name);
  return set === undefined ? undefined : String(set);
}

/**
 * Headers every portal (Next) answer carries, whatever produced it: HSTS when the request came
 * over TLS (a trusted proxy says so), and a Content-Security-Policy on any HTML answer that has
 * none (next-auth's own pages before proxy.ts covered them, Next's 404 for /_next/ paths).
 */
export function addPortalHeaders(req: IncomingMessage, res: ServerResponse): void {
  if (servedOverTls({ get: (n) => headerOf(req, n) }, env.trustProxy)) res.setHeader("Strict-Transport-Security", HSTS);
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const type = headerIn(this, args.slice(1), "content-type") ?? "";
    if (/^\s*text\/html/i.test(type) && headerIn(this, args.slice(1), "content-security-policy") === undefined) {
      this.setHeader("Content-Security-Policy", FALLBACK_CSP);
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(", ") : (v ?? null);
}

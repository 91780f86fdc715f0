import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { env } from "@/lib/config/env";
import { HSTS, servedOverTls } from "@/lib/security/csp";
import { createPlatformApp } from "./app";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The platform app behind node:http. The headers every platform answer carries are set on
 * node's response before Hono runs: a property write each, where setting them on a built
 * Response meant a full undici Headers object per answer (a third of /api/health's cost), and
 * they cover @hono/node-server's own 400/500 answers too. Hono's answers merge over them.
 */
export function platformListener(app = createPlatformApp()): Listener {
  const handle = getRequestListener(app.fetch);
  return (req, res) => {
    res.setHeader("x-served-by", "platform");
    res.setHeader("x-content-type-options", "nosniff");
    if (servedOverTls(nodeHeaders(req), env.trustProxy)) res.setHeader("strict-transport-security", HSTS);
    void handle(req, res);
  };
}

const nodeHeaders = (req: IncomingMessage) => ({
  get(name: string): string | null {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  },
});

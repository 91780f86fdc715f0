import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { env } from "@/lib/config/env";
import { isDraining, startDraining } from "./lifecycle";

export interface ServerLimits {
  /** Whole request (headers and body) must arrive within this; then 408. */
  requestTimeoutMs: number;
  /** Request headers must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Open connections one client address may hold; 0 = no cap (behind a proxy, every client is the proxy). */
  maxConnectionsPerAddress: number;
  /** Shutdown: in-flight requests get this long, then their connections are cut. */
  shutdownTimeoutMs: number;
}

/** The limits from the environment (README, "Operating Devportal"). */
export function serverLimits(): ServerLimits {
  const requestTimeoutMs = env.requestTimeoutS * 1000;
  const headersTimeoutMs = env.headersTimeoutS * 1000;
  return {
    requestTimeoutMs,
    // Node refuses a headers timeout longer than the request timeout (0 turns a timeout off).
    headersTimeoutMs: requestTimeoutMs > 0 ? Math.min(headersTimeoutMs, requestTimeoutMs) : headersTimeoutMs,
    keepAliveTimeoutMs: env.keepAliveTimeoutS * 1000,
    maxConnectionsPerAddress: env.trustProxy ? 0 : env.maxConnectionsPerAddress,
    shutdownTimeoutMs: env.shutdownTimeoutS * 1000,
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface HttpServer {
  server: Server;
  /**
   * Bounded shutdown: stop accepting, close idle connections, answer what is in flight (each
   * answer and any request arriving meanwhile with `Connection: close`), and after `timeoutMs` cut
   * what is left. Resolves once every connection is closed, with how many were cut.
   */
  shutdown: (timeoutMs: number) => Promise<{ cut: number }>;
}

/**
 * node:http with timeouts suited to small API bodies (Node's defaults hold a stalled body 300 s and
 * check timeouts only every 30 s), a per-address connection cap, and a bounded drain for shutdown.
 */
export function createHttpServer(handler: Handler, limits: ServerLimits): HttpServer {
  const inFlight = new Set<ServerResponse>();
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node looks for requests past their timeouts (default 30 s: slowloris lived that long).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, (limits.headersTimeoutMs || 4000) / 4)),
    },
    (req, res) => {
      if (isDraining()) res.setHeader("connection", "close");
      inFlight.add(res);
      res.once("close", () => {
        inFlight.delete(res);
        if (isDraining()) setImmediate(() => server.closeIdleConnections());
      });
      handler(req, res);
    },
  );
  const open = trackConnections(server, limits.maxConnectionsPerAddress);

  const shutdown = (timeoutMs: number) =>
    new Promise<{ cut: number }>((resolve) => {
      startDraining();
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
      let cut = 0;
      const timer = setTimeout(() => {
        cut = open.size;
        server.closeAllConnections();
      }, timeoutMs);
      server.close(() => {
        clearTimeout(timer);
        resolve({ cut });
      });
      server.closeIdleConnections();
    });
  return { server, shutdown };
}

/** The open connections; beyond `max` (> 0) from one address, a new one is closed at once. */
function trackConnections(server: Server, max: number): Set<Socket> {
  const open = new Set<Socket>();
  const perAddress = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "";
    const n = (perAddress.get(address) ?? 0) + 1;
    if (max > 0 && n > max) {
      socket.destroy();
      return;
    }
    perAddress.set(address, n);
    open.add(socket);
    socket.once("close", () => {
      open.delete(socket);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });
  return open;
}

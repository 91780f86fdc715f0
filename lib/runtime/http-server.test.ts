import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHttpServer, type HttpServer, type ServerLimits } from "./http-server";

/**
 * The server's timeouts, connection cap and bounded shutdown over real sockets, with short limits
 * (the defaults are seconds). Nothing here measures time: each test waits for what the server does.
 */
const LIMITS: ServerLimits = { requestTimeoutMs: 400, headersTimeoutMs: 300, keepAliveTimeoutMs: 300, maxConnectionsPerAddress: 5, shutdownTimeoutMs: 500 };

let running: HttpServer | null = null;
afterEach(async () => {
  running?.server.closeAllConnections();
  await new Promise((r) => running?.server.close(r) ?? r(null));
  running = null;
  (globalThis as { devportalDraining?: boolean }).devportalDraining = false;
});

/** Requests held with `?wait=hold`, answered when the test says so (no timing involved). */
const held: Array<() => void> = [];

/** A server whose handler answers after `?wait=ms` (`never` holds the request forever, `hold` until released). */
async function start(limits: Partial<ServerLimits> = {}): Promise<number> {
  running = createHttpServer(
    (req, res) => {
      const wait = new URL(req.url ?? "/", "http://x").searchParams.get("wait");
      const answer = () => res.end("ok");
      req.resume();
      req.on("end", () => (wait === "never" ? undefined : wait === "hold" ? held.push(answer) : setTimeout(answer, Number(wait ?? 0))));
    },
    { ...LIMITS, ...limits },
  );
  await new Promise<void>((r) => running!.server.listen(0, "127.0.0.1", r));
  return (running.server.address() as AddressInfo).port;
}

/** A raw connection; `closed` resolves with everything the server sent before closing it. */
function connect(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  socket.on("data", (d) => (received += d.toString()));
  socket.on("error", () => undefined);
  const closed = new Promise<string>((resolve) => socket.on("close", () => resolve(received)));
  const open = new Promise<void>((resolve) => socket.on("connect", () => resolve()));
  return { socket, closed, open };
}

describe("timeouts", () => {
  it("a POST that declares a body and stalls gets 408 and its connection closed", async () => {
    const port = await start();
    const c = connect(port);
    await c.open;
    c.socket.write("POST /stall HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\":");
    expect(await c.closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("slowloris connections that never finish their headers are closed", async () => {
    const port = await start({ maxConnectionsPerAddress: 0 });
    const clients = Array.from({ length: 50 }, () => connect(port));
    await Promise.all(clients.map((c) => c.open));
    const drip = setInterval(() => clients.forEach((c) => c.socket.writable && c.socket.write(`X-Drip-${Math.random().toString(36).slice(2)}: 1\r\n`)), 50);
    clients.forEach((c) => c.socket.write("GET / HTTP/1.1\r\nHost: x\r\n"));
    const answers = await Promise.all(clients.map((c) => c.closed));
    clearInterval(drip);
    expect(answers.every((a) => a === "" || /^HTTP\/1\.1 408 /.test(a))).toBe(true);
  });

  it("an idle keep-alive connection is closed after its request", async () => {
    const port = await start();
    const c = connect(port);
    await c.open;
    c.socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(await c.closed).toMatch(/^HTTP\/1\.1 200 /);
  });
});

describe("connections per address", () => {
  it("closes connections beyond the cap at once and serves the others", async () => {
    const port = await start({ keepAliveTimeoutMs: 10_000, requestTimeoutMs: 10_000, headersTimeoutMs: 10_000 });
    // The server accepts on its own schedule: wait until it has seen all eight.
    let seen = 0;
    const allSeen = new Promise<void>((resolve) => running!.server.on("connection", () => ++seen === 8 && resolve()));
    const clients = Array.from({ length: 8 }, () => connect(port));
    await allSeen;
    // Every connection asks; only the ones beyond the cap were closed without an answer.
    const answers = await Promise.all(
      clients.map(
        (c) =>
          new Promise<string>((resolve) => {
            c.socket.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            void c.closed.then(resolve);
          }),
      ),
    );
    expect(answers.filter((a) => a.startsWith("HTTP/1.1 200")).length).toBe(5);
    expect(answers.filter((a) => a === "").length).toBe(3);
  });
});

describe("bounded shutdown", () => {
  it("answers what is in flight with Connection: close, serves keep-alive clients at most once more, refuses new connections and cuts the rest at the bound", async () => {
    const port = await start({ keepAliveTimeoutMs: 10_000 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    const get = (path: string) =>
      new Promise<{ status: number; connection: string | undefined } | "failed">((resolve) => {
        http
          .get({ port, host: "127.0.0.1", path, agent }, (res) => {
            res.resume();
            res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
          })
          .on("error", () => resolve("failed"));
      });
    // Four keep-alive connections, each asking again as soon as it is answered.
    let draining = false;
    const afterShutdown: Array<{ status: number; connection: string | undefined } | "failed"> = [];
    const loops = [0, 1, 2, 3].map(async () => {
      for (let i = 0; i < 10_000; i++) {
        const started = draining;
        const r = await get("/");
        if (started) afterShutdown.push(r);
        if (r === "failed" || (started && r.connection === "close")) return;
      }
    });
    const slow = get("/?wait=hold");
    const stuck = connect(port);
    await stuck.open;
    stuck.socket.write("GET /?wait=never HTTP/1.1\r\nHost: x\r\n\r\n");
    await vi.waitFor(() => expect(held.length).toBe(1)); // the request in flight has arrived

    draining = true;
    const done = running!.shutdown(LIMITS.shutdownTimeoutMs);
    held.splice(0).forEach((answer) => answer()); // answered while the server drains
    expect(await slow, "the request in flight is answered").toEqual({ status: 200, connection: "close" });
    expect(await stuck.closed, "the stuck request is cut at the bound").toBe("");
    expect(await done).toEqual({ cut: 1 });
    await Promise.all(loops);
    agent.destroy();
    // Each keep-alive connection: at most one more answer (telling it to close), or a closed socket.
    expect(afterShutdown.length).toBeLessThanOrEqual(8);
    expect(afterShutdown.every((r) => r === "failed" || r.connection === "close")).toBe(true);
    await expect(new Promise((resolve, reject) => net.connect(port, "127.0.0.1").on("connect", resolve).on("error", reject))).rejects.toThrow(/ECONNREFUSED/);
  });
});

/**
 * Lifecycle phases of `npm run test:crash`, against the production server (server.ts):
 * - a database that cannot be written at start (read-only files): the server starts degraded and
 *   says so, serves reads, refuses writes with 503, and takes writes once the files are writable;
 * - timeouts: a stalled request body gets 408, slowloris connections are closed;
 * - bounded shutdown: after SIGTERM keep-alive clients get at most one more answer (with
 *   `Connection: close`), a stalled request is cut at SHUTDOWN_TIMEOUT, the database is closed
 *   cleanly (no -wal left) and the process exits 0.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { checkDatabase, problems, query } from "./checks";
import { basic, postForm } from "./http";
import { runWorker, startServer, tempDir, writeJson } from "./server";
import type { SeededDev } from "./worker";

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

async function waitForHealth(base: string, want: string): Promise<string> {
  let status = "";
  for (let i = 0; i < 150 && status !== want; i++) {
    status = ((await (await fetch(`${base}/api/health`)).json()) as { status: string }).status;
    if (status !== want) await new Promise((r) => setTimeout(r, 200));
  }
  return status;
}

export async function readOnlyAtStart(log: (line: string) => void): Promise<void> {
  const dataDir = tempDir("read-only");
  const [, dev] = await runWorker<SeededDev[]>(dataDir, ["seed", writeJson(dataDir, "spec.json", { developers: [{ username: "ro_first" }, { username: "ro_app", app: true }] })]);
  const dbFiles = () => fs.readdirSync(dataDir).filter((n) => n.startsWith("devportal.sqlite")).map((n) => path.join(dataDir, n));
  // Root ignores file modes: the server then runs as another user, who owns the data folder.
  if (asRoot) for (const f of [dataDir, ...fs.readdirSync(dataDir).map((n) => path.join(dataDir, n))]) fs.chownSync(f, NOBODY, NOBODY);
  for (const f of dbFiles()) fs.chmodSync(f, 0o444);
  const server = await startServer(dataDir, asRoot ? { user: { uid: NOBODY, gid: NOBODY } } : {});
  try {
    assert.match(server.output(), /the database cannot be written \(SQLITE_READONLY/);
    assert.match(server.output(), /ready on .*storage degraded/);
    const health = (await (await fetch(`${server.base}/api/health`)).json()) as { status: string; storage: { reason: string } };
    assert.deepEqual([health.status, health.storage.reason], ["degraded", "read_only"]);
    const app = dev!.app!;
    assert.equal((await fetch(`${server.base}/2/users/${dev!.userId}`, { headers: { authorization: `Bearer ${app.bearerToken}` } })).status, 200, "reads work");
    const invalidate = () => postForm(`${server.base}/oauth2/invalidate_token`, { access_token: app.bearerToken }, { authorization: basic(app.apiKey, app.apiKeySecret) });
    const refused = await invalidate();
    assert.deepEqual([refused.status, (refused.json as { errors: Array<{ code: number }> }).errors[0]!.code], [503, 130], "a write is refused with 503");

    for (const f of dbFiles()) fs.chmodSync(f, 0o644); // the mount became writable
    assert.equal(await waitForHealth(server.base, "ok"), "ok", "healthy again without a restart");
    assert.equal((await invalidate()).status, 200, "the write now succeeds");
  } finally {
    await server.stop();
  }
  assert.equal(query(path.join(dataDir, "devportal.sqlite"), "SELECT 1 FROM credentials WHERE kind = 'bearer' AND app_id = ?", dev!.app!.id).length, 0, "and was stored");
  log(`read-only database at start: started degraded and said so, served reads, refused a write with 503; writable → health ok and the write stored, no restart${asRoot ? " (server run as nobody)" : ""}`);
}

/** A raw connection; `closed` resolves with what the server sent before closing it. */
function rawConnection(base: string) {
  const { port } = new URL(base);
  const socket = net.connect(Number(port), "127.0.0.1");
  let received = "";
  socket.on("data", (d) => (received += d.toString()));
  socket.on("error", () => undefined);
  return {
    socket,
    open: new Promise<void>((resolve) => socket.on("connect", () => resolve())),
    closed: new Promise<string>((resolve) => socket.on("close", () => resolve(received))),
  };
}

export async function timeouts(log: (line: string) => void): Promise<void> {
  const dataDir = tempDir("timeouts");
  await runWorker(dataDir, ["seed", writeJson(dataDir, "spec.json", { developers: [{ username: "to_first" }] })]);
  const server = await startServer(dataDir, { env: { REQUEST_TIMEOUT: "2", HEADERS_TIMEOUT: "1", MAX_CONNECTIONS_PER_ADDRESS: "128" } });
  try {
    const stalled = rawConnection(server.base);
    await stalled.open;
    stalled.socket.write("POST /2/tweets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"text\":");
    assert.match(await stalled.closed, /^HTTP\/1\.1 408 /, "a stalled body gets 408");

    const loris = Array.from({ length: 200 }, () => rawConnection(server.base));
    const drip = setInterval(() => loris.forEach((c) => c.socket.writable && c.socket.write(`X-Drip: ${Date.now()}\r\n`)), 200);
    loris.forEach((c) => c.socket.write("GET /api/health HTTP/1.1\r\nHost: x\r\n"));
    const answers = await Promise.all(loris.map((c) => c.closed));
    clearInterval(drip);
    assert.ok(answers.every((a) => a === "" || /^HTTP\/1\.1 408 /.test(a)), "every slowloris connection closed unanswered or with 408");
    const capped = answers.filter((a) => a === "").length;
    assert.equal((await fetch(`${server.base}/api/health`)).status, 200, "still serving");
    log(`timeouts: a stalled body got 408; 200 slowloris connections all closed (${capped} at once by the 128-per-address cap, the rest at the 1 s headers timeout)`);
  } finally {
    await server.stop();
  }
}

export async function boundedShutdown(log: (line: string) => void): Promise<void> {
  const dataDir = tempDir("shutdown");
  await runWorker(dataDir, ["seed", writeJson(dataDir, "spec.json", { developers: [{ username: "sd_first" }] })]);
  const server = await startServer(dataDir, { env: { SHUTDOWN_TIMEOUT: "2", REQUEST_TIMEOUT: "120", HEADERS_TIMEOUT: "60" } });
  const { port } = new URL(server.base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  type Reply = { status: number; connection?: string } | "failed";
  const get = () =>
    new Promise<Reply>((resolve) =>
      http
        .get({ host: "127.0.0.1", port, path: "/api/health", agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
        })
        .on("error", () => resolve("failed")),
    );
  let signalled = false;
  let before = 0;
  const after: Reply[][] = [];
  const loops = Array.from({ length: 8 }, async (_, k) => {
    after[k] = [];
    for (;;) {
      const sentAfter = signalled;
      const r = await get();
      if (!sentAfter && !signalled) before++;
      else after[k]!.push(r);
      if (r === "failed" || (signalled && r.connection === "close")) return;
    }
  });
  const stalled = rawConnection(server.base);
  await stalled.open;
  stalled.socket.write("POST /2/tweets HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
  while (before < 200) await new Promise((r) => setTimeout(r, 20));

  signalled = true;
  const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
  server.child.kill("SIGTERM");
  const [code, cut] = await Promise.all([exited, stalled.closed, Promise.all(loops)]);
  agent.destroy();
  assert.equal(code, 0, "exit code");
  assert.equal(cut, "", "the stalled request was cut");
  assert.match(server.output(), /stopped, 1 connection\(s\) cut at the 2 s bound/);
  // /api/health answers 503 "stopping" once the drain began: on each keep-alive connection at most
  // one such answer, and it closes the connection (200s after the signal were answered before the
  // server got to it). Before, keep-alive clients were served as long as they kept asking.
  const draining = after.map((a) => a.filter((r): r is { status: number; connection?: string } => r !== "failed" && r.status === 503));
  assert.ok(draining.every((d) => d.length <= 1), `answers per keep-alive connection during the drain: ${draining.map((d) => d.length).join(", ")}`);
  assert.ok(draining.flat().every((r) => r.connection === "close"), "every answer during the drain says Connection: close");
  const served = after.map((a) => a.filter((r) => r !== "failed").length);
  assert.equal(fs.existsSync(path.join(dataDir, "devportal.sqlite-wal")), false, "the database was closed cleanly (WAL checkpointed and removed)");
  assert.deepEqual(problems(checkDatabase(path.join(dataDir, "devportal.sqlite"))), []);
  log(
    `bounded shutdown: ${before} keep-alive requests before SIGTERM; after it 8 clients got ${served.reduce((a, b) => a + b, 0)} answers, ` +
      `${draining.flat().length} of them during the drain (each with Connection: close, at most one per connection); a stalled request cut at the 2 s bound, exit 0, WAL checkpointed`,
  );
}

/**
 * Profiling helper, not part of `npm run bench`: the platform workloads of bench/run.ts against
 * bench/platform-server.ts (the platform app behind node:http, no Next, no build), with the same
 * seeding and load process. Prints req/s and the ratio to /api/health for each workload.
 *
 *   BENCH_APPS=200 npx tsx bench/platform-only.ts [workload …] [--cpu-prof] [--memory] [--reference] [--peer]
 *
 * --reference also measures the yardsticks (bench/reference-routes.ts): a Hono route doing one
 * indexed token lookup (refLookup) and one doing one insert (refInsert). --peer starts the peer
 * (bench/peer.ts, node-oidc-provider) and measures peerClientCredentials and peerIntrospect.
 * --timelines first fills the database with BENCH_SCALE_TWEETS Tweets (1M) of
 * BENCH_TIMELINE_AUTHORS accounts, each reader following BENCH_TIMELINE_FOLLOWS of them
 * (bench/timeline-bulk.ts), for the homeTimeline workload:
 *   BENCH_APPS=50 npx tsx bench/platform-only.ts homeTimeline bearerMe --timelines
 *
 * BENCH_MEMORY_LOG=1 logs the server's memoryUsage() every 5 s (=gc: after a full collection);
 * BENCH_SERVER_FLAGS passes extra node flags to the server (e.g. --trace-gc).
 */
import { fork, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CONFIG } from "./config";
import type { RunMessage, RunSummary } from "./load";
import { cpuMicros, freePort, ROOT, rssBytes, startPeer } from "./server";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cpuProf = args.includes("--cpu-prof");
  const memory = args.includes("--memory");
  const reference = args.includes("--reference");
  const timelines = args.includes("--timelines");
  const withPeer = args.includes("--peer") || args.some((a) => a.startsWith("peer"));
  const names = args.filter((a) => !a.startsWith("--"));
  const platform = ["clientCredentials", "introspect", "bearerMe", "oauth1Me", "refresh", "tweets"];
  const yardsticks = [...(reference ? ["refLookup", "refInsert"] : []), ...(withPeer ? ["peerClientCredentials", "peerIntrospect"] : [])];
  const workloads = names.length ? names : ["health", ...yardsticks, ...platform, ...yardsticks, "health"];

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-platform-"));
  process.env.DATA_DIR = dataDir;
  const { prepareRuntime } = await import("@/lib/runtime/prepare");
  const { getDb } = await import("@/db/client");
  const { seedWorkloads } = await import("./seed");
  prepareRuntime();
  const seeded = await seedWorkloads(getDb());
  if (timelines) {
    const { bulkTimelines } = await import("./timeline-bulk");
    const target = { tweets: CONFIG.scaleTweets, authors: CONFIG.timelineAuthors, follows: CONFIG.timelineFollows };
    const stats = await bulkTimelines(getDb(), seeded.timelineReaders, seeded.appId, target);
    console.log(`timelines: ${stats.rows} rows in ${stats.seconds.toFixed(1)} s (${stats.rowsPerSecond.toFixed(0)} rows/s)`, stats.totals);
  }
  const poolsFile = path.join(dataDir, "bench-pools.json");
  fs.writeFileSync(poolsFile, JSON.stringify(seeded.pools));

  const port = await freePort();
  const execArgs = ["--import", "tsx"];
  if (process.env.BENCH_MEMORY_LOG === "gc") execArgs.push("--expose-gc");
  if (process.env.BENCH_SERVER_FLAGS) execArgs.push(...process.env.BENCH_SERVER_FLAGS.split(" ").filter(Boolean));
  if (cpuProf) execArgs.push("--cpu-prof", "--cpu-prof-dir", path.join(ROOT, "bench", "results", "profiles"));
  const server = spawn(process.execPath, [...execArgs, "bench/platform-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, BENCH_REFERENCE: reference ? "1" : "0" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      if (i > 200) throw new Error("platform server did not start");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const peer = withPeer ? await startPeer() : undefined;
  const load = fork(path.join(ROOT, "bench", "load.ts"), [poolsFile, url], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  await new Promise((r) => load.once("message", r));
  let id = 0;
  const run = (msg: Omit<RunMessage, "id" | "url" | "connections">, onMark?: () => void) =>
    new Promise<RunSummary>((resolve, reject) => {
      const me = id++;
      const onMessage = (m: { type: string; id: number; summary?: RunSummary; message?: string }) => {
        if (m.id !== me) return;
        if (m.type === "mark") return onMark?.();
        load.off("message", onMessage);
        if (m.type === "result") resolve(m.summary!);
        else reject(new Error(m.message));
      };
      load.on("message", onMessage);
      load.send({ connections: CONFIG.connections, url: msg.workload.startsWith("peer") ? peer!.url : url, ...msg, id: me });
    });

  const MB = 1024 * 1024;
  try {
    if (memory) {
      let mark = 0;
      const start = rssBytes(server.pid!) / MB;
      await run({ workload: "mix", amount: CONFIG.memoryRequests, markAt: CONFIG.memoryMark }, () => (mark = rssBytes(server.pid!) / MB));
      const end = rssBytes(server.pid!) / MB;
      console.log(`memory: RSS start ${start.toFixed(0)} MB, after ${CONFIG.memoryMark} ${mark.toFixed(0)} MB, after ${CONFIG.memoryRequests} ${end.toFixed(0)} MB, ratio ${(end / mark).toFixed(2)}`);
    }
    const results: Array<[string, RunSummary]> = [];
    for (const workload of workloads) {
      await run({ workload, duration: CONFIG.warmup });
      const pid = workload.startsWith("peer") ? peer!.pid : server.pid!;
      const cpu = cpuMicros(pid);
      const s = await run({ workload, duration: CONFIG.duration });
      // Server CPU per answered request: less moved than req/s by other processes on a shared machine.
      const cpuPerRequest = (cpuMicros(pid) - cpu) / s.requests;
      results.push([workload, s]);
      const bad = s.non2xx + s.errors + s.timeouts;
      console.log(`${workload.padEnd(18)} ${s.rps.toFixed(0).padStart(6)} req/s  p50 ${s.p50} ms  p99 ${s.p99} ms  server CPU ${cpuPerRequest.toFixed(0)} µs/request${bad ? `  ${bad} FAILED (${s.firstFailure})` : ""}`);
    }
    const health = results.filter(([w]) => w === "health").map(([, s]) => s.rps);
    if (health.length) {
      const base = health.reduce((a, b) => a + b, 0) / health.length;
      for (const [w, s] of results) if (w !== "health") console.log(`  ${w.padEnd(18)} ${(s.rps / base).toFixed(2)} of health (${base.toFixed(0)})`);
    }
  } finally {
    load.kill();
    await peer?.stop();
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

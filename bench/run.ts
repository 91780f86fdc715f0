/**
 * `npm run bench`: the production server on a free port with a fresh data folder, seeded through
 * lib/domain, driven by autocannon from a separate process on loopback. Prints figures and ratios
 * to the /api/health baseline of the same run, writes bench/results/latest.json, and exits
 * non-zero when a request failed or a budget was missed. See README "Performance".
 */
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bulkSeed, type BulkStats } from "./bulk";
import { CONFIG } from "./config";
import type { RunMessage, RunSummary } from "./load";
import { measurePageWeights, type PageWeight } from "./page-weight";
import { checkPage, signIn } from "./portal";
import { printChecks, printRows, writeJson, type Check, type Row } from "./report";
import { ROOT, rssBytes, startServer, type BenchServer } from "./server";
import { bulkTimelines, type TimelineStats } from "./timeline-bulk";

const RESULTS = path.join(ROOT, "bench", "results");
const MB = 1024 * 1024;
const rows: Row[] = [];
const checks: Check[] = [];
const failures: string[] = [];

/** Builds into the bench's own dist dir when needed; the build's tsconfig.json rewrite is undone. */
async function buildOwnDist(): Promise<void> {
  process.env.NEXT_DIST_DIR = CONFIG.distDir;
  const { ensureBuild, sourceHash } = await import("@/lib/runtime/build");
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = fs.readFileSync(tsconfig, "utf8");
  try {
    ensureBuild();
  } finally {
    if (fs.readFileSync(tsconfig, "utf8") !== before) {
      fs.writeFileSync(tsconfig, before);
      const stamp = path.join(ROOT, CONFIG.distDir, "devportal-source-hash");
      if (fs.existsSync(stamp)) fs.writeFileSync(stamp, sourceHash());
    }
  }
}

class LoadProcess {
  private next = 0;
  private waiting = new Map<number, { resolve: (s: RunSummary) => void; reject: (e: Error) => void; onMark?: () => void }>();
  private constructor(private child: ChildProcess) {
    child.on("message", (m: { type: string; id: number; summary?: RunSummary; message?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      if (m.type === "mark") return w.onMark?.();
      this.waiting.delete(m.id);
      if (m.type === "result") w.resolve(m.summary!);
      else w.reject(new Error(m.message));
    });
  }

  static start(poolsFile: string, url: string): Promise<LoadProcess> {
    const child = fork(path.join(ROOT, "bench", "load.ts"), [poolsFile, url], { execArgv: ["--import", "tsx"], stdio: "inherit" });
    return new Promise((resolve, reject) => {
      child.once("message", () => resolve(new LoadProcess(child)));
      child.once("exit", (code) => reject(new Error(`load process exited (${code})`)));
    });
  }

  run(msg: Omit<RunMessage, "id" | "connections"> & { connections?: number }, onMark?: () => void): Promise<RunSummary> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, onMark });
      this.child.send({ connections: CONFIG.connections, ...msg, id });
    });
  }

  stop(): void {
    this.child.kill();
  }
}

function record(name: string, s: RunSummary, server: BenchServer): Row {
  const row = { name, ...s, rssMB: rssBytes(server.pid) / MB };
  rows.push(row);
  const bad = s.non2xx + s.errors + s.timeouts;
  if (bad > 0) failures.push(`${name}: ${bad} failed requests (first: ${s.firstFailure ?? "?"})`);
  console.log(`  ${name}: ${s.rps.toFixed(0)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, ${bad} failed, RSS ${row.rssMB.toFixed(0)} MB`);
  return row;
}

/** Warm-up, then the measured run; a failure in either fails the bench. */
async function measure(load: LoadProcess, server: BenchServer, name: string, msg: Omit<RunMessage, "id" | "connections" | "url"> & { connections?: number }) {
  const warm = await load.run({ ...msg, url: server.url, duration: CONFIG.warmup });
  if (warm.non2xx + warm.errors + warm.timeouts > 0) failures.push(`${name} (warm-up): ${warm.non2xx + warm.errors + warm.timeouts} failed (first: ${warm.firstFailure})`);
  return record(name, await load.run({ ...msg, url: server.url, duration: msg.duration ?? CONFIG.duration }), server);
}

const check = (name: string, value: number, min: number | null, max: number | null, budget: string) =>
  checks.push({ name, value, budget, pass: (min === null || value >= min) && (max === null || value <= max) });

async function main(): Promise<void> {
  const startedAt = new Date();
  console.log(`bench: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  await buildOwnDist();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-bench-"));
  process.env.DATA_DIR = dataDir;
  const { prepareRuntime } = await import("@/lib/runtime/prepare");
  const { getDb } = await import("@/db/client");
  const { seedWorkloads } = await import("./seed");
  prepareRuntime(); // secrets.json and migrations in the fresh folder, as the server would
  const db = getDb();
  const t = performance.now();
  const seeded = await seedWorkloads(db);
  console.log(`bench: seeded through lib/domain in ${((performance.now() - t) / 1000).toFixed(1)} s`, seeded.counts);
  const poolsFile = path.join(dataDir, "bench-pools.json");
  fs.writeFileSync(poolsFile, JSON.stringify(seeded.pools));

  const cpuProfDir = CONFIG.cpuProf ? path.join(RESULTS, "profiles") : undefined;
  if (cpuProfDir) fs.mkdirSync(cpuProfDir, { recursive: true });
  const server = await startServer({ dataDir, distDir: CONFIG.distDir, cpuProfDir });
  const load = await LoadProcess.start(poolsFile, server.url);
  let bulk: BulkStats | undefined;
  let timelines: Omit<TimelineStats, "authors"> | undefined;
  let weights: PageWeight[] = [];
  const memory = { afterMarkMB: 0, afterAllMB: 0, rssAtStartMB: rssBytes(server.pid) / MB };
  try {
    // Memory first, so its request count starts with the server's.
    console.log(`bench: memory run, ${CONFIG.memoryRequests} requests (platform mix)`);
    const mem = await load.run({ workload: "mix", url: server.url, amount: CONFIG.memoryRequests, markAt: CONFIG.memoryMark }, () => {
      memory.afterMarkMB = rssBytes(server.pid) / MB;
    });
    record("memory run: platform mix (200,000 requests)", mem, server);
    memory.afterAllMB = rssBytes(server.pid) / MB;

    console.log("bench: platform workloads");
    const health1 = await measure(load, server, "GET /api/health (baseline, Hono)", { workload: "health" });
    const next = await measure(load, server, "GET /api/auth/providers (Next route handler)", { workload: "page", path: "/api/auth/providers" });
    const cc = await measure(load, server, "POST /oauth2/token client_credentials", { workload: "clientCredentials" });
    const intro = await measure(load, server, "POST /2/oauth2/introspect", { workload: "introspect" });
    const me2 = await measure(load, server, "GET /2/users/me OAuth 2.0 bearer", { workload: "bearerMe" });
    const me1 = await measure(load, server, "GET /2/users/me OAuth 1.0a HMAC-SHA1", { workload: "oauth1Me" });
    const refresh = await measure(load, server, "POST /2/oauth2/token refresh_token", { workload: "refresh" });
    const tweets = await measure(load, server, "POST /2/tweets OAuth 2.0", { workload: "tweets" });
    const health2 = await measure(load, server, "GET /api/health (baseline, again)", { workload: "health" });
    const baseline = (health1.rps + health2.rps) / 2;
    const ratio = (r: Row) => r.rps / baseline;
    check("Next route handler / health (for the record)", ratio(next), null, null, "—");
    check("client_credentials / health", ratio(cc), 0.4, null, ">= 0.40");
    check("introspect / health", ratio(intro), 0.4, null, ">= 0.40");
    check("users/me OAuth 2.0 bearer / health", ratio(me2), 0.4, null, ">= 0.40");
    check("users/me OAuth 1.0a / health", ratio(me1), 0.25, null, ">= 0.25");
    check("refresh_token / health", ratio(refresh), 0.2, null, ">= 0.20");
    check("POST /2/tweets / health", ratio(tweets), 0.3, null, ">= 0.30");

    if (!CONFIG.skipScale) {
      console.log(`bench: scale seeding to ${CONFIG.scaleApps} Apps, ${CONFIG.scaleUsers} users, ${CONFIG.scaleTokens} OAuth 2.0 tokens`);
      // Single runs vary by ~10% here: each side is the mean of two, the second empty-database
      // run taken just before seeding, in the same server state as the full-database runs.
      const emptyAgain = await measure(load, server, "GET /2/users/me OAuth 2.0 bearer, before scale seeding", { workload: "bearerMe" });
      bulk = await bulkSeed(db, { apps: CONFIG.scaleApps, users: CONFIG.scaleUsers, tokens: CONFIG.scaleTokens });
      console.log(`bench: ${bulk.rows} rows in ${bulk.seconds.toFixed(1)} s (${bulk.rowsPerSecond.toFixed(0)} rows/s)`, bulk.totals);
      const full = await measure(load, server, "GET /2/users/me OAuth 2.0 bearer, full database", { workload: "bearerMe" });
      const fullAgain = await measure(load, server, "GET /2/users/me OAuth 2.0 bearer, full database (again)", { workload: "bearerMe" });
      check("users/me bearer, full / empty database (means of 2 runs)", (full.rps + fullAgain.rps) / (me2.rps + emptyAgain.rps), 0.9, null, ">= 0.90");

      // The home timeline: the same readers and followed accounts with 2% of the Tweets, then all of them.
      const shape = { authors: CONFIG.timelineAuthors, follows: CONFIG.timelineFollows };
      const few = await bulkTimelines(db, seeded.timelineReaders, seeded.appId, { ...shape, tweets: Math.round(CONFIG.scaleTweets / 50) });
      const homeFew = await measure(load, server, `GET home timeline, ${few.totals.tweets} Tweets (${shape.follows} follows, 100 per page)`, { workload: "homeTimeline" });
      timelines = await bulkTimelines(db, seeded.timelineReaders, seeded.appId, { ...shape, tweets: CONFIG.scaleTweets }, few.authors);
      console.log(`bench: timelines ${timelines.rows + few.rows} rows in ${(timelines.seconds + few.seconds).toFixed(1)} s`, timelines.totals);
      const homeAll = await measure(load, server, `GET home timeline, ${timelines.totals.tweets} Tweets`, { workload: "homeTimeline" });
      check("home timeline, 1M / 20k Tweets", homeAll.rps / homeFew.rps, 0.9, null, ">= 0.90");
      check("home timeline (1M Tweets) / users/me bearer (for the record)", homeAll.rps / full.rps, null, null, "—");
    }

    console.log("bench: portal pages");
    const { portal } = seeded;
    const dev = await signIn(server.url, portal.developer, portal.password);
    const op = await signIn(server.url, portal.operator, portal.password);
    await checkPage(server.url, "/dashboard", dev);
    await checkPage(server.url, "/admin?tab=apps", op);
    const pageRun = { workload: "page", connections: 10 };
    const signinPage = await measure(load, server, "GET /signin (portal reference)", { ...pageRun, path: "/signin" });
    const dash = await measure(load, server, "GET /dashboard (10 Apps)", { ...pageRun, path: "/dashboard", headers: { cookie: dev } });
    const admin = await measure(load, server, `GET /admin?tab=apps (${bulk ? bulk.totals.apps : "few"} Apps)`, { ...pageRun, path: "/admin?tab=apps", headers: { cookie: op } });
    check("dashboard time / sign-in time", signinPage.rps / dash.rps, null, 3, "<= 3.00");
    check("/admin?tab=apps time / sign-in time", signinPage.rps / admin.rps, null, 3, "<= 3.00");

    check("RSS after all / after first 10,000 requests", memory.afterAllMB / memory.afterMarkMB, null, 1.2, "<= 1.20");
    check("RSS after 200,000 requests (MB)", memory.afterAllMB, null, 400, "<= 400");

    if (!CONFIG.skipPageWeight) {
      console.log("bench: page weight (Chromium, cold loads)");
      const a = `/apps/${portal.appId}`;
      const consent = `/i/oauth2/authorize?response_type=code&client_id=${portal.clientId}&redirect_uri=${encodeURIComponent("https://client.example/callback")}&scope=tweet.read%20users.read&state=s&code_challenge=abc123abc123abc123abc123abc123abc123abc123a&code_challenge_method=plain`;
      const routes = [
        { route: "/bench-bare-page-does-not-exist" }, // Next's 404: root layout only, no client component
        { route: "/signin" },
        { route: "/signup" },
        ...["/dashboard", "/projects", "/projects/new", `/projects/${portal.projectId}`, "/apps/new", a, `${a}/keys`, `${a}/auth-settings`, "/settings/account", "/settings/connected-apps", "/teams", `/u/${portal.developer}`, consent].map((route) => ({ route, cookie: dev })),
        { route: "/admin?tab=apps", cookie: op },
        { route: "/developer/signup", cookie: op },
      ];
      weights = await measurePageWeights(server.url, routes);
      const bare = weights[0]!.gzipBytes;
      for (const w of weights.slice(1)) check(`JS of ${w.route.split("?")[0]} / bare page`, w.gzipBytes / bare, null, 1.5, "<= 1.50");
      console.log(`\nheaviest routes (gzip JS; bare page ${(bare / 1024).toFixed(1)} KiB):`);
      for (const w of [...weights].sort((x, y) => y.gzipBytes - x.gzipBytes).slice(0, 5)) console.log(`  ${(w.gzipBytes / 1024).toFixed(1)} KiB  ${w.scripts} scripts  ${w.route.split("?")[0]}`);
    }
  } finally {
    load.stop();
    await server.stop();
  }

  printRows(rows);
  printChecks(checks);
  const result = {
    date: startedAt.toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverage: os.loadavg(), node: process.version },
    config: CONFIG,
    seeding: { workloads: seeded.counts, bulk, timelines: timelines && { rows: timelines.rows, seconds: timelines.seconds, totals: timelines.totals } },
    memory,
    rows,
    checks,
    pageWeights: weights,
    failures,
    ok: failures.length === 0 && checks.every((c) => c.pass),
  };
  writeJson(path.join(RESULTS, "latest.json"), result);
  fs.rmSync(dataDir, { recursive: true, force: true });
  for (const f of failures) console.log(`FAILED: ${f}`);
  console.log(`\nbench: ${result.ok ? "all budgets met" : "budget missed or requests failed"} (${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s) → bench/results/latest.json`);
  process.exit(result.ok ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

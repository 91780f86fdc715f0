/**
 * `npm run bench`: the production server on a free port with a fresh data folder, seeded through
 * lib/domain, driven by autocannon from a separate process on loopback, beside its yardsticks
 * measured in the same run: the reference routes (one lookup, one insert) served by the same
 * server process, and the peer, node-oidc-provider, in its own process (bench/budgets.ts). Prints
 * figures and ratios, writes bench/results/latest.json, and exits non-zero when a request failed
 * or a budget was missed. See README "Performance".
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MEMORY_BUDGETS, PLATFORM_PATHS, PORTAL_BUDGETS, RATIO_BUDGETS, SCALE_BUDGET, YARDSTICKS } from "./budgets";
import { bulkSeed, type BulkStats } from "./bulk";
import { CONFIG } from "./config";
import { LoadProcess, type RunRequest } from "./load-process";
import { measurePageWeights, pageWeightRoutes, type PageWeight } from "./page-weight";
import { checkPage, signIn } from "./portal";
import { printChecks, printRows, writeJson, type Check, type Row } from "./report";
import { cpuMicros, ROOT, rssBytes, startPeer, startServer } from "./server";
import { bulkTimelines, type TimelineStats } from "./timeline-bulk";

const RESULTS = path.join(ROOT, "bench", "results");
const MB = 1024 * 1024;
const rows: Row[] = [];
const checks: Check[] = [];
const failures: string[] = [];
/** The same ratios from CPU time per request (yardstick's / path's): less moved by other processes' load. For the record. */
const cpuRatios: Array<{ name: string; value: number }> = [];

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

/** A process under load: where to send requests, and whose RSS and CPU time to read. */
interface Target {
  url: string;
  pid: number;
}

let load: LoadProcess;

/** Warm-up, then the measured run (with the target's CPU time per answered request); a failure in either fails the bench. */
async function measure(target: Target, name: string, msg: Omit<RunRequest, "url">): Promise<Row> {
  const warm = await load.run({ ...msg, url: target.url, duration: CONFIG.warmup });
  const bad = (s: { non2xx: number; errors: number; timeouts: number }) => s.non2xx + s.errors + s.timeouts;
  if (bad(warm) > 0) failures.push(`${name} (warm-up): ${bad(warm)} failed (first: ${warm.firstFailure})`);
  const cpu = cpuMicros(target.pid);
  const s = await load.run({ ...msg, url: target.url, duration: msg.duration ?? CONFIG.duration });
  const row: Row = { name, ...s, rssMB: rssBytes(target.pid) / MB, cpuUs: (cpuMicros(target.pid) - cpu) / s.requests };
  rows.push(row);
  if (bad(s) > 0) failures.push(`${name}: ${bad(s)} failed requests (first: ${s.firstFailure ?? "?"})`);
  console.log(`  ${name}: ${s.rps.toFixed(0)} req/s, p50 ${s.p50} ms, p99 ${s.p99} ms, ${row.cpuUs.toFixed(0)} µs CPU/request, ${bad(s)} failed`);
  return row;
}

const check = (name: string, value: number, min: number | null, max: number | null, budget: string) =>
  checks.push({ name, value, budget, pass: (min === null || value >= min) && (max === null || value <= max) });

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  console.log(`bench: ${os.cpus().length} cores, load average ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}`);
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
  const peer = await startPeer();
  const reference: Target = { url: await server.reference(), pid: server.pid };
  const targetOf = (workload: string): Target => (workload.startsWith("peer") ? peer : reference);
  load = await LoadProcess.start(poolsFile, server.url);
  let bulk: BulkStats | undefined;
  let timelines: Omit<TimelineStats, "authors"> | undefined;
  let weights: PageWeight[] = [];
  const heapMB = async () => (await server.heap()).heapUsed / MB;
  const memory = { rssAtStartMB: rssBytes(server.pid) / MB, heapAtStartMB: await heapMB(), heapAfterMarkMB: 0, rssAfterMarkMB: 0, heapAfterMixMB: 0, rssAfterMixMB: 0, rssAfterPortalMB: 0 };
  try {
    // Memory first, so its request count starts with the server's: the mix in two runs, the heap
    // retained after a forced full collection read between them (idle) and at the end.
    console.log(`bench: memory run, ${CONFIG.memoryRequests} requests (platform mix)`);
    const first = await load.run({ workload: "mix", url: server.url, amount: CONFIG.memoryMark });
    Object.assign(memory, { heapAfterMarkMB: await heapMB(), rssAfterMarkMB: rssBytes(server.pid) / MB });
    const rest = await load.run({ workload: "mix", url: server.url, amount: CONFIG.memoryRequests - CONFIG.memoryMark });
    Object.assign(memory, { heapAfterMixMB: await heapMB(), rssAfterMixMB: rssBytes(server.pid) / MB });
    const failed = first.non2xx + first.errors + first.timeouts + rest.non2xx + rest.errors + rest.timeouts;
    if (failed > 0) failures.push(`memory run: ${failed} failed requests (first: ${first.firstFailure ?? rest.firstFailure})`);
    console.log(`  heap after GC ${memory.heapAtStartMB.toFixed(1)} → ${memory.heapAfterMarkMB.toFixed(1)} → ${memory.heapAfterMixMB.toFixed(1)} MB, RSS ${memory.rssAfterMixMB.toFixed(0)} MB`);

    console.log("bench: yardsticks, peer and platform paths");
    const health = [await measure(server, "GET /api/health (Hono, for the record)", { workload: "health" })];
    const nextRow = await measure(server, "GET /api/auth/providers (Next route handler)", { workload: "page", path: "/api/auth/providers" });
    // Each path runs between two runs of its yardstick (before and after, adjacent), so that a
    // change in the machine's load during the bench moves both sides of its ratio alike.
    for (const y of YARDSTICKS) await load.run({ workload: y.workload, url: targetOf(y.workload).url, duration: 2 * CONFIG.warmup + CONFIG.duration / 2 });
    const yardstickName = (workload: string) => YARDSTICKS.find((y) => y.workload === workload)!.name;
    for (const b of RATIO_BUDGETS) {
      const before = await measure(targetOf(b.yardstick), `${yardstickName(b.yardstick)} (before)`, { workload: b.yardstick });
      const path = await measure(server, PLATFORM_PATHS.find((p) => p.workload === b.workload)!.name, { workload: b.workload });
      const after = await measure(targetOf(b.yardstick), `${yardstickName(b.yardstick)} (after)`, { workload: b.yardstick });
      check(b.label, path.rps / ((before.rps + after.rps) / 2), b.min, null, `>= ${b.min.toFixed(2)}`);
      cpuRatios.push({ name: b.label, value: ((before.cpuUs + after.cpuUs) / 2) / path.cpuUs });
    }
    health.push(await measure(server, "GET /api/health (again)", { workload: "health" }));
    check("Next route handler / health (for the record)", nextRow.rps / ((health[0]!.rps + health[1]!.rps) / 2), null, null, "—");

    if (!CONFIG.skipScale) {
      console.log(`bench: scale seeding to ${CONFIG.scaleApps} Apps, ${CONFIG.scaleUsers} users, ${CONFIG.scaleTokens} OAuth 2.0 tokens`);
      // Single runs vary by ~10% here: each side is the mean of two runs, the empty-database ones
      // taken just before seeding, in the same server state as the full-database ones just after.
      const empty = [
        await measure(server, "GET /2/users/me OAuth 2.0 bearer, before scale seeding", { workload: "bearerMe" }),
        await measure(server, "GET /2/users/me OAuth 2.0 bearer, before scale seeding (again)", { workload: "bearerMe" }),
      ];
      bulk = await bulkSeed(db, { apps: CONFIG.scaleApps, users: CONFIG.scaleUsers, tokens: CONFIG.scaleTokens });
      console.log(`bench: ${bulk.rows} rows in ${bulk.seconds.toFixed(1)} s (${bulk.rowsPerSecond.toFixed(0)} rows/s)`, bulk.totals);
      const full = [
        await measure(server, "GET /2/users/me OAuth 2.0 bearer, full database", { workload: "bearerMe" }),
        await measure(server, "GET /2/users/me OAuth 2.0 bearer, full database (again)", { workload: "bearerMe" }),
      ];
      const sum = (rs: Row[], f: (r: Row) => number) => rs.reduce((a, r) => a + f(r), 0);
      check("users/me bearer, full / empty database (means of 2 runs)", sum(full, (r) => r.rps) / sum(empty, (r) => r.rps), SCALE_BUDGET, null, `>= ${SCALE_BUDGET.toFixed(2)}`);
      cpuRatios.push({ name: "users/me bearer, full / empty database", value: sum(empty, (r) => r.cpuUs) / sum(full, (r) => r.cpuUs) });

      // The home timeline: the same readers and followed accounts with 2% of the Tweets, then all of them.
      const shape = { authors: CONFIG.timelineAuthors, follows: CONFIG.timelineFollows };
      const few = await bulkTimelines(db, seeded.timelineReaders, seeded.appId, { ...shape, tweets: Math.round(CONFIG.scaleTweets / 50) });
      const homeFew = await measure(server, `GET home timeline, ${few.totals.tweets} Tweets (${shape.follows} follows, 100 per page)`, { workload: "homeTimeline" });
      timelines = await bulkTimelines(db, seeded.timelineReaders, seeded.appId, { ...shape, tweets: CONFIG.scaleTweets }, few.authors);
      console.log(`bench: timelines ${timelines.rows + few.rows} rows in ${(timelines.seconds + few.seconds).toFixed(1)} s`, timelines.totals);
      const homeAll = await measure(server, `GET home timeline, ${timelines.totals.tweets} Tweets`, { workload: "homeTimeline" });
      check("home timeline, 1M / 20k Tweets", homeAll.rps / homeFew.rps, 0.9, null, ">= 0.90");
      check("home timeline (1M Tweets) / users/me bearer (for the record)", homeAll.rps / full[0]!.rps, null, null, "—");
    }

    console.log("bench: portal pages");
    const { portal } = seeded;
    const dev = await signIn(server.url, portal.developer, portal.password);
    const op = await signIn(server.url, portal.operator, portal.password);
    await checkPage(server.url, "/dashboard", dev);
    await checkPage(server.url, "/admin?tab=apps", op);
    const pageRun = { workload: "page", connections: 10 };
    const signinPage = await measure(server, "GET /signin (portal reference)", { ...pageRun, path: "/signin" });
    const dash = await measure(server, "GET /dashboard (10 Apps)", { ...pageRun, path: "/dashboard", headers: { cookie: dev } });
    const admin = await measure(server, `GET /admin?tab=apps (${bulk ? bulk.totals.apps : "few"} Apps)`, { ...pageRun, path: "/admin?tab=apps", headers: { cookie: op } });
    const { pageTimeRatio, pageWeightRatio } = PORTAL_BUDGETS;
    check("dashboard time / sign-in time", signinPage.rps / dash.rps, null, pageTimeRatio, `<= ${pageTimeRatio.toFixed(2)}`);
    check("/admin?tab=apps time / sign-in time", signinPage.rps / admin.rps, null, pageTimeRatio, `<= ${pageTimeRatio.toFixed(2)}`);
    memory.rssAfterPortalMB = rssBytes(server.pid) / MB;

    check("heap after full GC: after the mix / after its first 10,000", memory.heapAfterMixMB / memory.heapAfterMarkMB, null, MEMORY_BUDGETS.heapGrowth, `<= ${MEMORY_BUDGETS.heapGrowth.toFixed(2)}`);
    check("RSS after the platform mix (MB)", memory.rssAfterMixMB, null, MEMORY_BUDGETS.rssAfterMixMB, `<= ${MEMORY_BUDGETS.rssAfterMixMB}`);
    check("RSS after the portal pages (MB, for the record)", memory.rssAfterPortalMB, null, null, "—");

    if (!CONFIG.skipPageWeight) {
      console.log("bench: page weight (Chromium, cold loads)");
      weights = await measurePageWeights(server.url, pageWeightRoutes(portal, dev, op));
      const bare = weights[0]!.gzipBytes;
      for (const w of weights.slice(1)) check(`JS of ${w.route.split("?")[0]} / bare page`, w.gzipBytes / bare, null, pageWeightRatio, `<= ${pageWeightRatio.toFixed(2)}`);
      console.log(`\nheaviest routes (gzip JS; bare page ${(bare / 1024).toFixed(1)} KiB):`);
      for (const w of [...weights].sort((x, y) => y.gzipBytes - x.gzipBytes).slice(0, 5)) console.log(`  ${(w.gzipBytes / 1024).toFixed(1)} KiB  ${w.scripts} scripts  ${w.route.split("?")[0]}`);
    }
  } finally {
    load.stop();
    await peer.stop();
    await server.stop();
  }

  printRows(rows);
  printChecks(checks);
  console.log("\nthe same ratios from CPU time per request (yardstick µs / path µs), for the record:");
  for (const r of cpuRatios) console.log(`  ${r.name.padEnd(70)}${r.value.toFixed(2).padStart(7)}`);
  const result = {
    date: startedAt.toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, loadAverageAtStart: loadAtStart, loadAverageAtEnd: os.loadavg(), node: process.version },
    config: CONFIG,
    seeding: { workloads: seeded.counts, bulk, timelines: timelines && { rows: timelines.rows, seconds: timelines.seconds, totals: timelines.totals } },
    memory,
    rows,
    checks,
    cpuRatios,
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

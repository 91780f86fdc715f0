/**
 * In-process profiling helper (not part of `npm run bench`): seeds a fresh data folder through
 * lib/domain as the bench does, then calls the platform app's `app.request()` for one workload
 * and prints the mean cost per request. No HTTP, no Next: what is left is the platform's own work.
 *
 *   BENCH_APPS=100 node --import tsx bench/profile.ts bearerMe 20000
 *   BENCH_APPS=100 node --import tsx bench/profile.ts tweets 20000 --cpu-prof   (measured phase only → bench/results/profiles/)
 *   BENCH_APPS=100 node --import tsx --expose-gc bench/profile.ts mix 200000 --memory [--heap-snapshots]
 *
 * Workloads are those of bench/workloads.ts (health, refLookup, refInsert, clientCredentials,
 * introspect, bearerMe, oauth1Me, refresh, tweets, mix). Pass `--all` as the workload to time each in turn; `--scale` fills the
 * database to the bench's scale targets first; `--pragma "<pragma>"` sets a pragma for the runs.
 */
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import { writeHeapSnapshot } from "node:v8";
import os from "node:os";
import path from "node:path";

const BASE = "http://127.0.0.1:3000";

async function main(): Promise<void> {
  const [workload = "--all", countArg = "5000", ...flags] = process.argv.slice(2);
  const count = Number(countArg);
  const memory = flags.includes("--memory");
  const cpuProf = flags.includes("--cpu-prof");
  const chunked = flags.includes("--chunked");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-profile-"));
  process.env.DATA_DIR = dataDir;
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { prepareRuntime } = await import("@/lib/runtime/prepare");
  const { getDb } = await import("@/db/client");
  const { createPlatformApp } = await import("@/lib/platform/app");
  const { seedWorkloads } = await import("./seed");
  const { buildWorkloads } = await import("./workloads");
  prepareRuntime();
  const t0 = performance.now();
  const seeded = await seedWorkloads(getDb());
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`, seeded.counts);

  if (flags.includes("--scale")) {
    // The bench's scale phase: the database filled to 100k Apps, 200k users, 1M OAuth 2.0 tokens.
    const { bulkSeed } = await import("./bulk");
    const { CONFIG } = await import("./config");
    const t1 = performance.now();
    await bulkSeed(getDb(), { apps: CONFIG.scaleApps, users: CONFIG.scaleUsers, tokens: CONFIG.scaleTokens });
    console.log(`scale seeding in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
  // --pragma "cache_size = -65536": set on the server's connection before the runs (A/B of settings).
  const pragma = flags.indexOf("--pragma");
  if (pragma !== -1) console.log(`pragma ${flags[pragma + 1]}:`, getDb().$client.pragma(flags[pragma + 1]!));
  const app = createPlatformApp();
  const { addReferenceRoutes } = await import("./reference-routes");
  addReferenceRoutes(app);
  const plans = buildWorkloads(seeded.pools, BASE, 1);
  const run = async (name: string, n: number, onMark?: (i: number) => void) => {
    const plan = plans[name]!({});
    const requests = plan.requests ?? plan.perConnection!(0);
    for (let i = 0; i < n; i++) {
      const template = requests[i % requests.length]!;
      const req = template.setupRequest ? template.setupRequest({ ...template, headers: { ...template.headers } })! : template;
      const res = await app.request(`${BASE}${req.path}`, {
        method: req.method,
        // As an HTTP client sends it: a body comes with its Content-Length.
        // (--chunked: without it, as a streaming client would).
        headers: { ...req.headers, ...(req.body === undefined || chunked ? {} : { "content-length": String(Buffer.byteLength(req.body)) }), "x-devportal-client-ip": "127.0.0.1" },
        body: req.body,
      });
      const body = await res.text();
      if (res.status < 200 || res.status > 299) throw new Error(`${name} #${i}: HTTP ${res.status} ${body}`);
      template.onResponse?.(res.status, body);
      onMark?.(i + 1);
    }
  };

  if (memory) {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error("--memory needs node --expose-gc");
    const MB = 1024 * 1024;
    const report = (label: string) => {
      gc();
      const m = process.memoryUsage();
      console.log(`${label}: heapUsed ${(m.heapUsed / MB).toFixed(1)} MB, heapTotal ${(m.heapTotal / MB).toFixed(1)} MB, rss ${(m.rss / MB).toFixed(1)} MB, external ${(m.external / MB).toFixed(1)} MB`);
    };
    report("start");
    const snapshots = flags.includes("--heap-snapshots");
    await run(workload, count, (i) => {
      if (i === 10_000 || i % 50_000 === 0) {
        report(`after ${i}`);
        if (snapshots) console.log(`  heap snapshot: ${writeHeapSnapshot(path.join(__dirname, "results", "profiles", `heap-${i}.heapsnapshot`))}`);
      }
    });
    report("end");
  } else {
    const names = workload === "--all" ? ["health", "refLookup", "refInsert", "clientCredentials", "introspect", "bearerMe", "oauth1Me", "refresh", "tweets"] : [workload];
    for (const name of names) {
      await run(name, Math.min(500, count)); // warm-up
      const session = cpuProf ? new Session() : undefined;
      if (session) {
        session.connect();
        await session.post("Profiler.enable");
        await session.post("Profiler.start");
      }
      const t = performance.now();
      const cpu = process.cpuUsage();
      await run(name, count);
      const ms = (performance.now() - t) / count;
      const used = process.cpuUsage(cpu);
      const cpuUs = (used.user + used.system) / count;
      if (session) {
        const { profile } = await session.post("Profiler.stop");
        const dir = path.join(__dirname, "results", "profiles");
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `inproc-${name}-${Date.now()}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(profile));
        session.disconnect();
        console.log(`  profile: ${file}`);
      }
      // CPU time as well as wall time: on a shared machine the wall clock counts other processes' turns.
      console.log(`${name.padEnd(18)} ${(ms * 1000).toFixed(0).padStart(6)} µs/request wall, ${cpuUs.toFixed(0).padStart(6)} µs CPU  (${(1000 / ms).toFixed(0)} req/s in process)`);
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

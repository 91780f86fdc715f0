/**
 * The load generator: a separate process (so it does not share the server's event loop) that
 * drives autocannon on loopback. The parent sends one message per run; state that must survive
 * between runs (refresh-token chains) lives here for the whole bench.
 */
import fs from "node:fs";
import autocannon from "autocannon";
import type { Pools } from "./seed";
import { buildWorkloads, type BenchRequest, type WorkloadPlan } from "./workloads";

export interface RunMessage {
  id: number;
  workload: string;
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  /** Send a "mark" message after this many responses (the memory run). */
  markAt?: number;
  path?: string;
  headers?: Record<string, string>;
}

export interface RunSummary {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  firstFailure?: string;
}

const [poolsFile, baseUrl] = process.argv.slice(2);
const pools = JSON.parse(fs.readFileSync(poolsFile!, "utf8")) as Pools;
let plans: ReturnType<typeof buildWorkloads> | undefined;

async function run(msg: RunMessage): Promise<RunSummary> {
  plans ??= buildWorkloads(pools, baseUrl!, msg.connections);
  const plan: WorkloadPlan = plans[msg.workload]!({ path: msg.path, headers: msg.headers });
  await plan.prepare?.(msg.url);
  let connection = 0;
  let seen = 0;
  let firstFailure: string | undefined;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: msg.url,
        connections: msg.connections,
        pipelining: 1,
        ...(msg.amount ? { amount: msg.amount } : { duration: msg.duration }),
        timeout: 30,
        requests: (plan.requests ?? [{ method: "GET", path: "/api/health" }]) as autocannon.Request[],
        setupClient: plan.perConnection
          ? (client: autocannon.Client) => client.setRequests(plan.perConnection!(connection++) as BenchRequest[] as autocannon.Request[])
          : undefined,
      } as autocannon.Options,
      (err, result) => {
        plan.afterRun?.();
        if (err) return reject(err);
        const ok = result["2xx"];
        resolve({
          requests: result.requests.total,
          ok,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          seconds: result.duration,
          rps: ok / result.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          mean: result.latency.average,
          firstFailure,
        });
      },
    );
    instance.on("response", (_client: unknown, status: number) => {
      seen++;
      if ((status < 200 || status > 299) && !firstFailure) firstFailure = `HTTP ${status}`;
      if (msg.markAt && seen === msg.markAt) process.send!({ type: "mark", id: msg.id, count: seen });
    });
    instance.on("reqError", (err: Error) => {
      firstFailure ??= err.message;
    });
  });
}

process.on("message", (msg: RunMessage) => {
  run(msg).then(
    (summary) => process.send!({ type: "result", id: msg.id, summary }),
    (err: Error) => process.send!({ type: "error", id: msg.id, message: err.stack ?? err.message }),
  );
});
process.send!({ type: "ready" });

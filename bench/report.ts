import fs from "node:fs";
import path from "node:path";
import type { RunSummary } from "./load";

export interface Row extends RunSummary {
  name: string;
  rssMB: number;
  /** CPU time of the measured process (server or peer) per answered request, µs. */
  cpuUs: number;
}

export interface Check {
  name: string;
  value: number;
  budget: string;
  pass: boolean;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

export function printRows(rows: Row[]): void {
  const head = `${pad("workload", 72)}${lpad("req/s", 9)}${lpad("p50 ms", 8)}${lpad("p99 ms", 8)}${lpad("CPU µs", 8)}${lpad("errors", 8)}${lpad("RSS MB", 8)}`;
  console.log(`\n${head}\n${"-".repeat(head.length)}`);
  for (const r of rows) {
    const errors = r.non2xx + r.errors + r.timeouts;
    console.log(`${pad(r.name, 72)}${lpad(r.rps.toFixed(0), 9)}${lpad(String(r.p50), 8)}${lpad(String(r.p99), 8)}${lpad(r.cpuUs.toFixed(0), 8)}${lpad(String(errors), 8)}${lpad(r.rssMB.toFixed(0), 8)}`);
  }
}

export function printChecks(checks: Check[]): void {
  const head = `${pad("check", 72)}${lpad("value", 9)}${lpad("budget", 10)}  result`;
  console.log(`\n${head}\n${"-".repeat(head.length)}`);
  for (const c of checks) console.log(`${pad(c.name, 72)}${lpad(c.value.toFixed(2), 9)}${lpad(c.budget, 10)}  ${c.pass ? "pass" : "FAIL"}`);
}

export function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

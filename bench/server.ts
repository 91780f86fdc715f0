import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Resident set size of a process in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** CPU time a process has used so far (user + system, /proc/<pid>/stat), in microseconds. */
export function cpuMicros(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

export interface BenchServer {
  url: string;
  pid: number;
  /** The yardstick routes (bench/reference-routes.ts), served by the same process on a second port. */
  reference(): Promise<string>;
  /** process.memoryUsage() of the server after a forced full collection. */
  heap(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/**
 * The production server exactly as `npm start` runs it (server.ts under tsx, NODE_ENV production),
 * started as `node --import tsx server.ts` so that the pid we read RSS and CPU from is the server
 * itself — plus `--expose-gc` and the bench's probe (bench/server-probe.ts), which only answers
 * the bench's IPC messages.
 */
export async function startServer(opts: { dataDir: string; distDir: string; cpuProfDir?: string }): Promise<BenchServer> {
  const port = await freePort();
  const args = ["--expose-gc", "--import", "tsx", "--import", "./bench/server-probe.ts"];
  if (opts.cpuProfDir) args.push("--cpu-prof", "--cpu-prof-dir", opts.cpuProfDir);
  args.push("server.ts");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" as const, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: opts.dataDir, NEXT_DIST_DIR: opts.distDir };
  const url = `http://127.0.0.1:${port}`;
  const child = await spawnListening("server", args, env, `${url}/api/health`, 120_000);
  let next = 0;
  const ask = <T>(probe: "reference" | "heap") =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      const onMessage = (m: { probe: string; id: number; value?: T; error?: string }) => {
        if (m.id !== id) return;
        child.off("message", onMessage);
        if (m.error) reject(new Error(m.error));
        else resolve(m.value!);
      };
      child.on("message", onMessage);
      child.send({ probe, id });
    });
  let reference: Promise<string> | undefined;
  return {
    url,
    pid: child.pid!,
    reference: () => (reference ??= ask<string>("reference")),
    heap: () => ask<NodeJS.MemoryUsage>("heap"),
    stop: () => stopChild(child),
  };
}

/** Spawns a node process (with an IPC channel) and waits until `readyUrl` answers 2xx; stderr is shown prefixed. */
export async function spawnListening(name: string, args: string[], env: NodeJS.ProcessEnv, readyUrl: string, timeoutMs: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe", "ipc"] });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => {
    log += d.toString();
    process.stderr.write(`[${name}] ${d.toString()}`);
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(readyUrl);
      if (res.ok) return child;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export interface BenchPeer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** The peer (bench/peer.ts: node-oidc-provider), its own process on its own port, NODE_ENV=production. */
export async function startPeer(): Promise<BenchPeer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" as const, PORT: String(port) };
  const child = await spawnListening("peer", ["--import", "tsx", "bench/peer.ts"], env, `${url}/.well-known/openid-configuration`, 60_000);
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

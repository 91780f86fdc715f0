import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** The build folder the server will use (NEXT_DIST_DIR, `.next` by default). */
export const distDir = () => path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const made: string[] = [];

/** A throwaway data folder; `removeTempDirs()` deletes every one made so far. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `devportal-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export interface RunningServer {
  base: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output: () => string;
  /** SIGKILL: no shutdown hook runs, like a power cut for the process. */
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  timeoutMs?: number;
  env?: Record<string, string>;
  /** RLIMIT_FSIZE for the server process: a write past this many bytes fails, as on a full disk. */
  fileSizeLimit?: number;
  /** Run as another user (only root may): file modes then apply to the server. */
  user?: { uid: number; gid: number };
}

/**
 * The production server (`server.ts`, the same entry as `npm start`) as one node process on a free
 * loopback port. Run with `node --import tsx` rather than the tsx CLI, which would put a parent
 * process between us and the server (a SIGKILL must hit the process that holds the database); a
 * file-size limit is set by `sh -c 'ulimit -f …; exec node …'`, which leaves node as that process.
 */
export async function startServer(dataDir: string, opts: ServerOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const node = [process.execPath, "--import", "tsx", "server.ts"];
  const [command, ...args] =
    opts.fileSizeLimit === undefined ? node : ["/bin/sh", "-c", `ulimit -f ${Math.ceil(opts.fileSizeLimit / 512)} && exec "$0" "$@"`, ...node];
  const child = spawn(command!, args, {
    cwd: ROOT,
    env: { ...process.env, ...opts.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
    ...opts.user,
  });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const server: RunningServer = { base, dataDir, child, output: () => log, kill9: () => stopWith("SIGKILL"), stop: () => stopWith("SIGTERM") };

  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.kill9();
  throw new Error(`server did not answer /api/health in time:\n${log}`);
}

/** Runs `e2e/crash/worker.ts <args>` as its own process on `dataDir`; resolves with its stdout parsed as JSON. */
export function runWorker<T>(dataDir: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "e2e/crash/worker.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker ${args[0]} exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch {
        reject(new Error(`worker ${args[0]} printed no JSON: ${out}${err}`));
      }
    });
  });
}

/** Writes `value` as JSON into `dir` and returns the file's path (worker arguments too big for argv). */
export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value));
  return file;
}

import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/**
 * Test support: a full disk, portably. `node --import tsx <script> …args` runs under a file-size
 * limit (RLIMIT_FSIZE through POSIX `ulimit -f`, 512-byte blocks): a write past `bytes` into any
 * file fails with EFBIG (Node ignores SIGXFSZ), so SQLite's WAL append fails at COMMIT exactly as
 * on a full disk. The limit holds for that process only; this one keeps writing normally.
 */
export function spawnWithFileSizeLimit(
  bytes: number | "unlimited",
  script: string,
  args: string[],
  env: Record<string, string> = {},
  user: { uid?: number; gid?: number } = {},
): ChildProcess {
  const blocks = bytes === "unlimited" ? bytes : Math.ceil(bytes / 512);
  return spawn("/bin/sh", ["-c", `ulimit -f ${blocks} && exec "$0" "$@"`, process.execPath, "--import", "tsx", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...user,
  });
}

/** Runs a script under the limit to its end; resolves with its stdout parsed as JSON. */
export function runWithFileSizeLimit<T>(bytes: number, script: string, args: string[]): Promise<T> {
  const child = spawnWithFileSizeLimit(bytes, script, args);
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${script} exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch {
        reject(new Error(`${script} printed no JSON: ${out}${err}`));
      }
    }),
  );
}

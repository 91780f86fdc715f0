import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { CONFIG } from "./config";
import type { RunMessage, RunSummary } from "./load";
import { ROOT } from "./server";

export type RunRequest = Omit<RunMessage, "id" | "connections"> & { connections?: number };

/** The load generator (bench/load.ts) as a child process: one autocannon run per message. */
export class LoadProcess {
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

  run(msg: RunRequest, onMark?: () => void): Promise<RunSummary> {
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

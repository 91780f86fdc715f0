import { closeDb } from "@/db/client";
import type { HttpServer } from "./http-server";

/**
 * SIGTERM / SIGINT: drain within `timeoutMs` (lib/runtime/http-server.ts), then close the database
 * (a clean close checkpoints the WAL) and exit 0. A second signal cuts the remaining connections.
 */
export function stopOnSignals(http: HttpServer, timeoutMs: number, log: (line: string) => void = console.log): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      http.server.closeAllConnections();
      return;
    }
    stopping = true;
    log(`devportal: ${signal}, finishing requests in flight (at most ${timeoutMs / 1000} s)`);
    void http.shutdown(timeoutMs).then(({ cut }) => {
      closeDb();
      log(`devportal: stopped${cut ? `, ${cut} connection(s) cut at the ${timeoutMs / 1000} s bound` : ""}`);
      process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

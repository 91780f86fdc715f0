import type { EdgeRequest } from "../endpoint";

/** Logs an unexpected failure by name and message only (never a body, header or secret). */
export function logFault(scope: string, req: EdgeRequest | null, err: unknown): void {
  const e = err as Error | undefined;
  const where = req ? `${req.c.req.method} ${new URL(req.c.req.url).pathname}` : "";
  console.error(`${scope} failed`, where, e?.name, e?.message);
}

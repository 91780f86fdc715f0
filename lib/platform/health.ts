import { storageTrouble } from "@/lib/domain/storage-health";
import { probeIfDegraded } from "@/lib/domain/storage-probe";
import { isDraining } from "@/lib/runtime/lifecycle";

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * GET /api/health. `ok`: serving, writes work. `degraded` (still 200: reads are served, writes
 * answer 503 with Retry-After): the database cannot take writes, with what failed and since when;
 * back to `ok` once a probe write succeeds. `stopping` (503): shutting down, send no new work here.
 */
export function healthAnswer(): { status: number; body: Record<string, unknown> } {
  if (isDraining()) return { status: 503, body: { status: "stopping" } };
  if (!storageTrouble() || probeIfDegraded()) return { status: 200, body: OK };
  const t = storageTrouble()!;
  return {
    status: 200,
    body: { status: "degraded", storage: { writable: false, reason: t.kind, error: t.error, since: iso(t.since), lastFailureAt: iso(t.lastFailureAt), failures: t.failures } },
  };
}

const OK = { status: "ok" } as const;

import type { Db } from "./client";

/**
 * Test support: the statements `run` prepares on the database, each with its EXPLAIN QUERY PLAN
 * lines (parameters bound as NULL: the plan does not depend on them).
 */
export function queryPlans(db: Db, run: () => void): { sql: string; plan: string[] }[] {
  const sqlite = db.$client;
  const seen: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    if (!/^\s*explain/i.test(source)) seen.push(source);
    return prepare(source);
  }) as typeof sqlite.prepare;
  try {
    run();
  } finally {
    sqlite.prepare = prepare;
  }
  return [...new Set(seen)]
    .filter((source) => /^\s*(with|select)/i.test(source))
    .map((source) => {
      const params = Array.from({ length: (source.match(/\?/g) ?? []).length }, () => null);
      const plan = (prepare(`explain query plan ${source}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      return { sql: source, plan };
    });
}

/** Plan lines that read a whole table (a SCAN of anything but the named CTEs and constant rows). */
export const tableScans = (plan: string[], ctes: readonly string[] = []) =>
  plan.filter((line) => /^SCAN /.test(line) && !ctes.some((c) => line === `SCAN ${c}`) && line !== "SCAN CONSTANT ROW");

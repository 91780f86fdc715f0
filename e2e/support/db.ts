import path from "node:path";

// The e2e server's data folder (playwright.config.ts); key material and database are shared with it.
process.env.DATA_DIR = process.env.E2E_DATA_DIR;

/** The running e2e server's SQLite database, opened from the test process (WAL allows both). */
export async function e2eDb() {
  const { openDatabase } = await import("@/db/client");
  const g = globalThis as unknown as { e2eDb?: ReturnType<typeof openDatabase> };
  g.e2eDb ??= openDatabase(path.join(process.env.E2E_DATA_DIR!, "devportal.sqlite"));
  return g.e2eDb;
}

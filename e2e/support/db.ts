import path from "node:path";
// Static imports: Playwright transpiles them; a dynamic import() of a .ts file goes to Node's ESM
// loader untransformed and fails ("Cannot use import statement outside a module").
import { openDatabase } from "@/db/client";

// The e2e server's data folder (playwright.config.ts); key material and database are shared with it.
// (env and key material are read lazily, so setting this after the imports above is in time.)
process.env.DATA_DIR = process.env.E2E_DATA_DIR;

/** The running e2e server's SQLite database, opened from the test process (WAL allows both). */
export async function e2eDb() {
  const g = globalThis as unknown as { e2eDb?: ReturnType<typeof openDatabase> };
  g.e2eDb ??= openDatabase(path.join(process.env.E2E_DATA_DIR!, "devportal.sqlite"));
  return g.e2eDb;
}

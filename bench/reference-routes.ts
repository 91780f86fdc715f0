import { eq, sql } from "drizzle-orm";
import type { Hono } from "hono";
import { getDb } from "@/db/client";
import { oauth2Tokens } from "@/db/schema";
import { keyedHash } from "@/lib/credentials";
import { header } from "@/lib/platform/request";

/**
 * The yardsticks of the bench's ratio budgets (bench/budgets.ts), never part of the product: a
 * Hono route doing one keyed hash and one indexed SQLite token lookup, and one doing one insert.
 * `npm run bench` serves them from its server process on a second port (bench/server-probe.ts),
 * bench/platform-only.ts `--reference` beside the platform; either way behind the platform's
 * listener, so that a path's ratio to them shows what its own work costs.
 */
export function addReferenceRoutes(app: Hono): void {
  const db = getDb();
  db.$client.exec("create table if not exists bench_reference (id integer primary key, body text not null, created_at integer not null)");
  const lookup = db
    .select({ grantId: oauth2Tokens.grantId, expiresAt: oauth2Tokens.expiresAt })
    .from(oauth2Tokens)
    .where(eq(oauth2Tokens.tokenHash, sql.placeholder("hash")))
    .prepare();
  const insert = db.$client.prepare("insert into bench_reference (body, created_at) values (?, ?)");

  app.get("/bench/reference/lookup", (c) => {
    const token = (header(c, "authorization") ?? "").replace(/^Bearer /, "");
    const row = lookup.get({ hash: keyedHash(token) });
    return row ? c.json({ data: { grant: String(row.grantId), expires_at: row.expiresAt } }) : c.json({ error: "unknown token" }, 401);
  });
  app.post("/bench/reference/insert", (c) => {
    const id = insert.run("reference row", Date.now()).lastInsertRowid;
    return c.json({ data: { id: String(id) } }, 201);
  });
}

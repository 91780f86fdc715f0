import path from "node:path";
import { inArray, isNotNull, and } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { oauth1RequestTokens, tweets } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { runWithFileSizeLimit } from "@/db/test-file-size-limit";
import { seedApp, type SeededApp } from "@/db/test-seed";
import { createRequestToken, findRequestToken } from "./oauth1/request-tokens";

/**
 * A write's success is the commit's outcome (issue 16): on a full disk SQLite fails the WAL append
 * at COMMIT, after an `INSERT … RETURNING` already produced its row. Each scenario runs in a child
 * process whose file-size limit makes the disk full after a few dozen commits.
 */
const CHILD = path.join(__dirname, "write-outcome.child.ts");
const LIMIT = 256 * 1024;

interface Outcome {
  acked: string[];
  failures: string[];
}

let db: Db;
let seeded: SeededApp;
let file: string;

beforeEach(async () => {
  db = createTestDb();
  file = db.$client.name;
  seeded = await seedApp(db, "fulldisk");
});

/** The WAL starts empty: the child's commits then fill it up to the limit. */
const emptyWal = () => db.$client.pragma("wal_checkpoint(TRUNCATE)");

describe("writes on a full disk", () => {
  it("createTweet acknowledges only Tweets that were stored", async () => {
    emptyWal();
    const out = await runWithFileSizeLimit<Outcome>(LIMIT, CHILD, ["tweets", file, seeded.user.id, seeded.app.id, "400"]);
    const stored = db.select({ id: tweets.id }).from(tweets).all().map((t) => t.id);
    expect([...out.acked].sort(), "acknowledged Tweets = stored Tweets").toEqual(stored.sort());
    expect(out.acked.length, "some Tweets fit before the disk was full").toBeGreaterThan(0);
    expect(new Set(out.failures), "the others failed with the write error").toEqual(new Set(["SQLITE_IOERR_WRITE"]));
  });

  it("burnRequestToken reports a token spent only when the spending was stored", async () => {
    const ids = Array.from({ length: 300 }, () => {
      const { token } = createRequestToken(db, { appId: seeded.app.id, callback: "oob", accessLevel: "read" });
      return String(findRequestToken(db, token)!.id);
    });
    emptyWal();
    const out = await runWithFileSizeLimit<Outcome>(LIMIT, CHILD, ["burn", file, ids.join(",")]);
    const spent = db
      .select({ id: oauth1RequestTokens.id })
      .from(oauth1RequestTokens)
      .where(and(inArray(oauth1RequestTokens.id, ids.map(Number)), isNotNull(oauth1RequestTokens.usedAt)))
      .all()
      .map((r) => String(r.id));
    expect([...out.acked].sort(), "acknowledged = spent").toEqual(spent.sort());
    expect(out.acked.length).toBeGreaterThan(0);
    expect(out.failures.length, "the disk filled up").toBeGreaterThan(0);
  });
});

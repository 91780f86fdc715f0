import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { tweets } from "@/db/schema";
import { clearStorageTrouble } from "@/lib/domain/storage-health";
import { changedTables, snapshot } from "@/lib/security/db-snapshot";
import { call } from "./routes/api-test-support";
import { startPlatform } from "./test-server";
import { bodyOf, platformWrites, seedWriteFixture, UNAVAILABLE, type PlatformWrite, type WriteFixture } from "./storage-test-support";

/**
 * Storage failures on the real platform over HTTP, on the server's own SQLite connection (the
 * test shares the process): a read-only connection (`PRAGMA query_only`) and a full database
 * (`PRAGMA max_page_count`, per connection). Commit-time failures: full-disk.test.ts.
 */
let platform: { base: string; close: () => Promise<void> };
const url = (p: string) => `${platform.base}${p}`;
const health = async () => (await (await fetch(url("/api/health"))).json()) as { status: string; storage?: Record<string, unknown> };

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.close());
afterEach(() => {
  getDb().$client.pragma("query_only = OFF");
  getDb().$client.pragma("max_page_count = 1073741823");
  clearStorageTrouble();
});

/** Sends a write; a success must have been stored, a refusal must be 503 + Retry-After in the family's shape. */
async function storedOrRefused(w: PlatformWrite): Promise<"stored" | "refused"> {
  const res = await w.send();
  const body = await bodyOf(res);
  if (res.status < 300) {
    expect(w.stored(getDb(), body), `${w.name} answered ${res.status} for something it did not store`).toBe(true);
    return "stored";
  }
  expect([w.name, res.status, res.headers.get("retry-after"), UNAVAILABLE[w.family](body)], JSON.stringify(body)).toEqual([w.name, 503, expect.stringMatching(/^\d+$/), true]);
  return "refused";
}

describe("a read-only database connection", () => {
  let f: WriteFixture;
  beforeAll(async () => {
    f = await seedWriteFixture(getDb(), platform.base);
  });

  it("refuses every platform write with 503 in its family's shape, changes nothing, keeps reads working, and recovers on a fresh connection", async () => {
    const before = snapshot(getDb());
    getDb().$client.pragma("query_only = ON");
    for (const w of platformWrites(f, platform.base)) expect(await storedOrRefused(w)).toBe("refused");
    const reads = [
      await call("GET", url("/2/users/me"), { bearer: f.o2.access }),
      await call("GET", url(`/2/tweets/${f.tweetId}`), { bearer: f.o2.access }),
      await call("GET", url("/2/dm_events"), { bearer: f.o2.access }),
      await call("GET", url(`/2/users/${f.users[1]!.id}`), { bearer: f.other.secrets.bearerToken }),
    ];
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(changedTables(before, snapshot(getDb()))).toEqual([]);

    // The probe behind /api/health finds this connection read-only, opens a fresh one that can
    // write, and makes it the process's connection: writes work again without a restart.
    expect(await health()).toEqual({ status: "ok" });
    const posted = await call("POST", url("/2/tweets"), { bearer: f.o2.access }, { text: "after recovery" });
    expect(posted.status).toBe(201);
    expect(getDb().$client.pragma("query_only", { simple: true })).toBe(0);
  });
});

describe("a full database", () => {
  it("acknowledges only stored Tweets, reports degraded until there is room again, and serves reads throughout", async () => {
    const f = await seedWriteFixture(getDb(), platform.base);
    const sqlite = getDb().$client;
    sqlite.exec("VACUUM"); // no free pages left to reuse
    sqlite.pragma("max_page_count = 1"); // raised to the current page count: no new page
    const acked: string[] = [];
    let refused = 0;
    for (let i = 0; i < 2000 && refused < 5; i++) {
      const res = await call("POST", url("/2/tweets"), { bearer: f.o2.access }, { text: `filling ${i} ${"x".repeat(200)}` });
      const body = await bodyOf(res);
      if (res.status === 201) acked.push((body.data as { id: string }).id);
      else {
        expect([res.status, res.headers.get("retry-after"), UNAVAILABLE.v2(body)]).toEqual([503, "30", true]);
        refused++;
      }
    }
    expect(refused, "the database filled up").toBe(5);
    const stored = new Set(getDb().select({ id: tweets.id }).from(tweets).all().map((t) => t.id));
    expect(acked.filter((id) => !stored.has(id)), "acknowledged but not stored").toEqual([]);

    const degraded = await health();
    expect(degraded).toMatchObject({ status: "degraded", storage: { writable: false, reason: "full", error: expect.stringMatching(/^SQLITE_FULL/) } });
    expect((await call("GET", url(`/2/tweets/${acked.at(-1) ?? f.tweetId}`), { bearer: f.o2.access })).status).toBe(200);
    // Small writes may still fit in a page's free space; whatever is acknowledged must be stored.
    for (const w of platformWrites(f, platform.base)) await storedOrRefused(w);
    expect((await health()).status, "still full: the probe fails too").toBe("degraded");

    sqlite.pragma("max_page_count = 1073741823");
    expect(await health()).toEqual({ status: "ok" });
    const after = await call("POST", url("/2/tweets"), { bearer: f.spare }, { text: "room again" });
    expect(after.status).toBe(201);
  });
});

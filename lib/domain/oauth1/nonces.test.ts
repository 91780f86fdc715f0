import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { oauth1Nonces } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { consumeNonce, purgeExpired } from "./nonces";

describe("nonces", () => {
  const db = createTestDb();
  const now = 1_700_000_000_000;
  const ts = now / 1000;
  const rows = () => db.select({ n: sql<number>`count(*)` }).from(oauth1Nonces).get()!.n;

  it("are single use per consumer key within the window", () => {
    expect(consumeNonce(db, "key-a", "n1", ts, now)).toBe(true);
    expect(consumeNonce(db, "key-a", "n1", ts, now + 1000)).toBe(false);
    expect(consumeNonce(db, "key-b", "n1", ts, now)).toBe(true);
  });

  it("are remembered until the timestamp leaves the ±300 s window, then may be reused", () => {
    expect(consumeNonce(db, "key-c", "n2", ts, now)).toBe(true);
    expect(consumeNonce(db, "key-c", "n2", ts, now + 300_000)).toBe(false);
    const later = now + 302_000;
    expect(consumeNonce(db, "key-c", "n2", later / 1000, later)).toBe(true);
  });

  it("are purged once expired", () => {
    const before = rows();
    expect(before).toBeGreaterThan(0);
    purgeExpired(db, now + 3_600_000);
    expect(rows()).toBe(0);
  });
});

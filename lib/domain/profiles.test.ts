import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper } from "@/db/test-seed";
import { users } from "@/db/schema";
import { canSeeTweetsOf, canSeeTweetsOfId } from "./profiles";

describe("who may see an account's Tweets", () => {
  it("everyone a public account's; only the account itself a protected one's", () => {
    expect(canSeeTweetsOf({ id: "1", protected: false }, "2")).toBe(true);
    expect(canSeeTweetsOf({ id: "1", protected: false }, null)).toBe(true);
    expect(canSeeTweetsOf({ id: "1", protected: true }, "1")).toBe(true);
    expect(canSeeTweetsOf({ id: "1", protected: true }, "2")).toBe(false);
    expect(canSeeTweetsOf({ id: "1", protected: true }, null)).toBe(false);
  });

  it("by id, reading the account's setting", async () => {
    const db = createTestDb();
    const author = (await seedDeveloper(db, "author")).user;
    const viewer = (await seedDeveloper(db, "viewer")).user;
    expect(canSeeTweetsOfId(db, author.id, viewer.id)).toBe(true);
    db.update(users).set({ protected: true }).where(eq(users.id, author.id)).run();
    expect(canSeeTweetsOfId(db, author.id, viewer.id)).toBe(false);
    expect(canSeeTweetsOfId(db, author.id, author.id)).toBe(true);
  });
});

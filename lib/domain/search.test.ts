import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { queryPlans, tableScans } from "@/db/test-plans";
import { seedApp, seedDeveloper, type SeededApp } from "@/db/test-seed";
import { retweet } from "./retweets";
import { searchRecent } from "./search";
import { parseSearchQuery } from "./search-query";
import { createTweet, type Tweet } from "./tweets";

let db: Db;
let seeded: SeededApp;
let ann: string;
let ben: string;
const NOW = 1_790_000_000_000;
let clock = NOW - 60_000;
const post = (authorId: string, text: string, extra: Partial<Parameters<typeof createTweet>[1]> = {}) => createTweet(db, { authorId, app: seeded.app, text, ...extra }, clock++);

const search = (q: string, limit = 20) => {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return searchRecent(db, parsed.query, { limit }, NOW).items.map((t: Tweet) => t.text);
};

beforeAll(async () => {
  db = createTestDb();
  seeded = await seedApp(db, "srch");
  ann = (await seedDeveloper(db, "srchann")).user.id;
  ben = (await seedDeveloper(db, "srchben")).user.id;
  createTweet(db, { authorId: ann, app: seeded.app, text: "cat photo from last month" }, NOW - 30 * 24 * 3600_000);
  const first = post(ann, "My cat, Tom, sleeps.");
  post(ann, "Good boy! said the dog #pets");
  post(ben, "A good dog is a good boy", { replyTo: { tweetId: first.id } });
  post(ben, "category theory is not about cats");
  retweet(db, { userId: ben, app: seeded.app, tweetId: first.id }, clock++);
});

describe("recent search", () => {
  it("matches words and phrases (not parts of words), operators, OR, negation; last 7 days; newest first", () => {
    expect(search("cat")).toEqual([`RT @srchann: My cat, Tom, sleeps.`, "My cat, Tom, sleeps."]);
    expect(search("cat -is:retweet")).toEqual(["My cat, Tom, sleeps."]);
    expect(search('"good boy"')).toEqual(["A good dog is a good boy", "Good boy! said the dog #pets"]);
    expect(search("dog is:reply to:srchann")).toEqual(["A good dog is a good boy"]);
    expect(search("(cat OR #pets) from:srchann")).toEqual(["Good boy! said the dog #pets", "My cat, Tom, sleeps."]);
    expect(search("from:srchben -dog")).toEqual([`RT @srchann: My cat, Tom, sleeps.`, "category theory is not about cats"]);
    expect(search("from:nobody")).toEqual([]);
  });

  it("leaves protected accounts out", () => {
    db.update(users).set({ protected: true }).where(eq(users.id, ben)).run();
    expect(search("dog")).toEqual(["Good boy! said the dog #pets"]);
    db.update(users).set({ protected: false }).where(eq(users.id, ben)).run();
  });

  it("from: reads the author's index range; other queries the time index (no table scan)", () => {
    const plan = (q: string) => queryPlans(db, () => search(q)).flatMap((p) => p.plan);
    expect(plan("cat from:srchann").join("\n")).toMatch(/SEARCH tweets USING INDEX tweets_author_idx/);
    for (const q of ["cat from:srchann", "cat OR dog", "-is:retweet dog"]) {
      expect(tableScans(plan(q)), q).toEqual([]);
      expect(plan(q).filter((l) => l.includes("TEMP B-TREE")), q).toEqual([]);
    }
  });
});

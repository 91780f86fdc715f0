import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { queryPlans, tableScans } from "@/db/test-plans";
import { seedApp, seedDeveloper, type SeededApp } from "@/db/test-seed";
import { followUser, listFollowers, listFollowing } from "./follows";
import { tweetCursor, type Page } from "./keyset";
import { likedTweets, likeTweet, likingUsers } from "./likes";
import { profileCounts } from "./metrics";
import { retweet, retweetedBy } from "./retweets";
import { homeTimeline, mentionsTimeline, userTimeline } from "./timelines";
import { createTweet, type Tweet } from "./tweets";

let db: Db;
let seeded: SeededApp;
let alice: string;
let bob: string;
let carol: string;
const T0 = 1_790_000_000_000;
let clock = T0;
const post = (authorId: string, text: string, extra: Partial<Parameters<typeof createTweet>[1]> = {}) =>
  createTweet(db, { authorId, app: seeded.app, text, ...extra }, clock++);
const texts = (page: Page<Tweet>) => page.items.map((t) => t.text);

/** Every page of a list, following `next` until the last one. */
function walk(read: (before: Page<Tweet>["next"]) => Page<Tweet>): string[] {
  const out: string[] = [];
  let before: Page<Tweet>["next"] = null;
  do {
    const page = read(before);
    out.push(...texts(page));
    before = page.next;
  } while (before);
  return out;
}

beforeAll(async () => {
  db = createTestDb();
  seeded = await seedApp(db, "tl");
  alice = (await seedDeveloper(db, "tlalice")).user.id;
  bob = (await seedDeveloper(db, "tlbob")).user.id;
  carol = (await seedDeveloper(db, "tlcarol")).user.id;
  for (let i = 1; i <= 7; i++) post(alice, `alice ${i}`);
  post(bob, "bob 1");
  post(carol, "carol 1 @tlalice");
  followUser(db, { followerId: alice, targetId: bob });
  followUser(db, { followerId: bob, targetId: carol });
});

describe("timelines", () => {
  it("a user timeline pages newest first by cursor, with since/until windows and exclusions", () => {
    expect(walk((before) => userTimeline(db, alice, { limit: 3, before }))).toEqual(["alice 7", "alice 6", "alice 5", "alice 4", "alice 3", "alice 2", "alice 1"]);
    const all = userTimeline(db, alice, { limit: 10 }).items;
    const window = userTimeline(db, alice, { limit: 10, after: tweetCursor(all[5]!.id), before: tweetCursor(all[1]!.id) });
    expect(texts(window)).toEqual(["alice 5", "alice 4", "alice 3"]);
    const reply = post(alice, "alice reply", { replyTo: { tweetId: all[0]!.id } });
    expect(reply).toMatchObject({ inReplyToUserId: alice, conversationId: all[0]!.id });
    expect(texts(userTimeline(db, alice, { limit: 2 }, { replies: true }))).toEqual(["alice 7", "alice 6"]);
  });

  it("the home timeline merges the user's own Tweets with those of accepted follows, page by page", () => {
    post(bob, "bob 2");
    const home = walk((before) => homeTimeline(db, alice, { limit: 4, before }));
    expect(home).toEqual(["bob 2", "alice reply", "bob 1", "alice 7", "alice 6", "alice 5", "alice 4", "alice 3", "alice 2", "alice 1"]);
    expect(texts(homeTimeline(db, bob, { limit: 10 }))).toEqual(["bob 2", "carol 1 @tlalice", "bob 1"]);
  });

  it("the home timeline's merge gives the same order as sorting every followed account's Tweets, across pages", async () => {
    const fresh = createTestDb();
    const app = await seedApp(fresh, "merge");
    const reader = (await seedDeveloper(fresh, "mergereader")).user.id;
    const all: Tweet[] = [];
    for (let a = 0; a < 6; a++) {
      const author = (await seedDeveloper(fresh, `merge${a}`)).user.id;
      if (a < 5) followUser(fresh, { followerId: reader, targetId: author });
      for (let i = 0; i < (a * 7) % 13; i++) {
        const t = createTweet(fresh, { authorId: author, app: app.app, text: `${a}.${i}` }, T0 + ((a * 37 + i * 11) % 60)); // shared milliseconds too
        if (a < 5) all.push(t);
      }
    }
    all.push(createTweet(fresh, { authorId: reader, app: app.app, text: "own" }, T0 + 30));
    const expected = all.sort((x, y) => y.createdAt - x.createdAt || (x.id < y.id ? 1 : -1)).map((t) => t.text);
    for (const limit of [1, 5, 100]) expect(walk((before) => homeTimeline(fresh, reader, { limit, before }))).toEqual(expected);
  });

  it("mentions: @usernames and the author replied to; a protected author only for those who may see", () => {
    const bobsReply = post(bob, "answering", { replyTo: { tweetId: userTimeline(db, alice, { limit: 1 }).items[0]!.id } });
    expect(texts(mentionsTimeline(db, alice, null, { limit: 10 }))).toEqual([bobsReply.text, "carol 1 @tlalice"]);
    db.update(users).set({ protected: true }).where(eq(users.id, carol)).run();
    expect(texts(mentionsTimeline(db, alice, alice, { limit: 10 }))).toEqual(["answering"]);
    expect(texts(mentionsTimeline(db, alice, bob, { limit: 10 }))).toEqual(["answering", "carol 1 @tlalice"]);
    db.update(users).set({ protected: false }).where(eq(users.id, carol)).run();
  });

  it("likes, retweets and follows list newest first", () => {
    const [first, second] = userTimeline(db, alice, { limit: 2 }).items;
    likeTweet(db, { userId: bob, tweetId: first!.id }, T0 + 100);
    likeTweet(db, { userId: bob, tweetId: second!.id }, T0 + 101);
    likeTweet(db, { userId: carol, tweetId: first!.id }, T0 + 102);
    likeTweet(db, { userId: carol, tweetId: first!.id }, T0 + 103); // again: no change
    expect(likedTweets(db, bob, null, { limit: 5 }).items.map((t) => t.id)).toEqual([second!.id, first!.id]);
    expect(likingUsers(db, first!.id, { limit: 1 })).toEqual({ items: [{ userId: carol, at: T0 + 102 }], next: { createdAt: T0 + 102, id: carol } });
    retweet(db, { userId: bob, app: seeded.app, tweetId: first!.id }, T0 + 200);
    retweet(db, { userId: bob, app: seeded.app, tweetId: first!.id }, T0 + 201);
    expect(retweetedBy(db, first!.id, { limit: 5 }).items).toEqual([{ userId: bob, at: T0 + 200 }]);
    expect(listFollowing(db, alice, { limit: 5 }).items.map((u) => u.userId)).toEqual([bob]);
    expect(listFollowers(db, carol, { limit: 5 }).items.map((u) => u.userId)).toEqual([bob]);
    post(bob, "quoting", { quoteTweetId: first!.id });
    // The profile page's counts: bob posted 2 Tweets, a reply, a retweet and a quote; liked 2; follows carol; alice follows him.
    expect(profileCounts(db, bob)).toEqual({ posts: 5, replies: 1, quotes: 1, likes: 2, following: 1, followers: 1 });
  });
});

describe("query plans (the table size does not matter: every timeline reads an index range)", () => {
  it("no statement of a timeline or list scans a table or sorts", async () => {
    // A fresh database: the home timeline's statements are prepared once per connection, here inside queryPlans.
    const fresh = createTestDb();
    const [a, b] = [(await seedDeveloper(fresh, "plana")).user.id, (await seedDeveloper(fresh, "planb")).user.id];
    followUser(fresh, { followerId: a, targetId: b });
    const w = { limit: 20, before: tweetCursor("1868000000000000000"), after: tweetCursor("1768000000000000000"), startTime: 1, endTime: 2e12 };
    const reads: [string, () => unknown][] = [
      ["user timeline", () => userTimeline(fresh, a, w, { replies: true, retweets: true })],
      ["mentions", () => mentionsTimeline(fresh, a, b, w)],
      ["home", () => homeTimeline(fresh, a, w)],
      ["home without retweets", () => homeTimeline(fresh, a, w, { retweets: true })],
      ["liked tweets", () => likedTweets(fresh, b, a, w)],
      ["liking users", () => likingUsers(fresh, a, w)],
      ["retweeted by", () => retweetedBy(fresh, a, w)],
      ["following", () => listFollowing(fresh, a, w)],
      ["followers", () => listFollowers(fresh, a, w)],
    ];
    const seen = new Map<string, string[]>();
    for (const [name, read] of reads) {
      const plans = queryPlans(fresh, read);
      seen.set(name, plans.flatMap((p) => p.plan));
      expect(plans.length, name).toBeGreaterThan(0);
      for (const { sql, plan } of plans) {
        expect(tableScans(plan), `${name}: ${sql}\n${plan.join("\n")}`).toEqual([]);
        expect(plan.filter((line) => line.includes("TEMP B-TREE")), `${name}: ${plan.join("\n")}`).toEqual([]);
      }
    }
    // The home timeline reads each followed account's range of the author index, index only.
    expect(seen.get("home")!.join("\n")).toMatch(/SEARCH tweets USING COVERING INDEX tweets_author_idx/);
  });
});

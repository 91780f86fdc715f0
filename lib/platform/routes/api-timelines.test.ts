import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apps, users } from "@/db/schema";
import { followUser } from "@/lib/domain/follows";
import { createTweet } from "@/lib/domain/tweets";
import type { PublicUser } from "@/lib/domain/users";
import {
  allPages,
  answer,
  answerWithLimits,
  appOnlyToken,
  call,
  idsOf,
  oauth1Token,
  oauth2Token,
  seedApiApp,
  seedUser,
  startPlatform,
  type ApiApp,
  type Auth,
} from "./api-test-support";

let platform: { base: string; close: () => Promise<void> };
let app: ApiApp;
let alice: PublicUser;
let bob: PublicUser;
let carol: PublicUser;
const auth: Record<string, Auth> = {};
/** Alice's 12 Tweets, newest first. */
const aliceTweets: string[] = [];
let carolText = "";
const url = (path: string) => `${platform.base}${path}`;
const get = (path: string, who: Auth) => call("GET", url(path), who);

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  app = await seedApiApp(db, "tl");
  [alice, bob, carol] = [await seedUser(db, "tla"), await seedUser(db, "tlb"), await seedUser(db, "tlc")];
  auth.alice = { bearer: await oauth2Token(db, platform.base, app, alice.id, "tweet.read users.read tweet.write") };
  auth.bob = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, bob.id, "write") } };
  auth.carolRead = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, carol.id, "read") } };
  auth.usersOnly = { bearer: await oauth2Token(db, platform.base, app, (await seedUser(db, "tlu")).id, "users.read") };
  auth.appOnly = { bearer: await appOnlyToken(platform.base, app) };
  const start = Date.now() - 60_000;
  for (let i = 0; i < 12; i++) aliceTweets.unshift(createTweet(db, { authorId: alice.id, app: app.app, text: `alice ${i}` }, start + i * 10).id);
  carolText = `carol says hi to @${alice.username}`;
  createTweet(db, { authorId: carol.id, app: app.app, text: carolText }, start + 500);
  followUser(db, { followerId: alice.id, targetId: carol.id }, start);
});
afterAll(() => platform.close());

describe("GET /2/users/:id/tweets", () => {
  it("walks every page with next_token; meta carries result_count, newest_id, oldest_id; the last page has no next_token", async () => {
    const pages = await allPages((token) => get(`/2/users/${alice.id}/tweets?max_results=5${token ? `&pagination_token=${token}` : ""}`, auth.bob!));
    expect(pages.map((p) => (p.meta as { result_count: number }).result_count)).toEqual([5, 5, 2]);
    expect(pages.flatMap(idsOf)).toEqual(aliceTweets);
    expect(pages[0]!.meta).toEqual({ result_count: 5, newest_id: aliceTweets[0], oldest_id: aliceTweets[4], next_token: expect.any(String) });
    expect(pages[2]!.meta).toEqual({ result_count: 2, newest_id: aliceTweets[10], oldest_id: aliceTweets[11] });
    const first = await answer(await get(`/2/users/${alice.id}/tweets`, auth.appOnly!));
    expect(idsOf(first.body)).toEqual(aliceTweets.slice(0, 10)); // 10 by default
  });

  it("since_id and until_id are exclusive bounds; start_time and end_time bound by time", async () => {
    const between = await answer(await get(`/2/users/${alice.id}/tweets?since_id=${aliceTweets[6]}&until_id=${aliceTweets[2]}`, auth.alice!));
    expect(idsOf(between.body)).toEqual(aliceTweets.slice(3, 6));
    const newer = await answer(await get(`/2/users/${alice.id}/tweets?since_id=${aliceTweets[1]}`, auth.alice!));
    expect([idsOf(newer.body), newer.body.meta]).toEqual([[aliceTweets[0]], { result_count: 1, newest_id: aliceTweets[0], oldest_id: aliceTweets[0] }]);
    const none = await answer(await get(`/2/users/${alice.id}/tweets?since_id=${aliceTweets[0]}`, auth.alice!));
    expect(none.body).toEqual({ meta: { result_count: 0 } });
    const future = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
    expect((await answer(await get(`/2/users/${alice.id}/tweets?start_time=${future}`, auth.alice!))).body).toEqual({ meta: { result_count: 0 } });
  });

  it("rate-limit headers: X's 900 per user and 10,000 per App, counting down", async () => {
    const a = await answerWithLimits(await get(`/2/users/${alice.id}/tweets`, auth.carolRead!));
    const b = await answerWithLimits(await get(`/2/users/${alice.id}/tweets`, auth.carolRead!));
    expect([a.limits.limit, Number(a.limits.remaining) - Number(b.limits.remaining)]).toEqual(["900", 1]);
    expect(Number(a.limits.reset)).toBeGreaterThan(Date.now() / 1000);
    expect((await answerWithLimits(await get(`/2/users/${alice.id}/tweets`, auth.appOnly!))).limits.limit).toBe("10000");
  });

  it("refuses bad parameters in X's words and tokens without tweet.read", async () => {
    const bad = await answer(await get(`/2/users/${alice.id}/tweets?max_results=4&pagination_token=nope&exclude=likes`, auth.alice!));
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { message: string }[]).map((e) => e.message)).toEqual([
      "The `max_results` query parameter value [4] is not between 5 and 100",
      "The `exclude` query parameter value [likes] is not one of [replies,retweets]",
    ]);
    const token = await answer(await get(`/2/users/${alice.id}/tweets?pagination_token=nope`, auth.alice!));
    expect((token.body.errors as { message: string }[])[0]!.message).toBe("The `pagination_token` query parameter value [nope] is not valid");
    expect((await answer(await get(`/2/users/${alice.id}/tweets`, auth.usersOnly!))).body).toEqual({ title: "Forbidden", type: "about:blank", status: 403, detail: "Forbidden" });
  });
});

describe("replies, quotes and lookups", () => {
  it("POST /2/tweets replies and quotes; GET /2/tweets/:id expands authors and referenced Tweets into includes", async () => {
    const reply = await answer(await call("POST", url("/2/tweets"), auth.bob!, { text: "nice one", reply: { in_reply_to_tweet_id: aliceTweets[0] } }));
    expect(reply.status).toBe(201);
    const replyId = (reply.body.data as { id: string }).id;
    const quote = await answer(await call("POST", url("/2/tweets"), auth.bob!, { text: "look at this", quote_tweet_id: aliceTweets[0] }));
    const quoteId = (quote.body.data as { id: string }).id;

    const fields = "tweet.fields=author_id,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics&user.fields=username";
    const read = await answer(await get(`/2/tweets/${replyId}?${fields}&expansions=author_id,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id`, auth.carolRead!));
    expect(read.body.data).toEqual({
      id: replyId,
      text: "nice one",
      edit_history_tweet_ids: [replyId],
      author_id: bob.id,
      conversation_id: aliceTweets[0],
      in_reply_to_user_id: alice.id,
      referenced_tweets: [{ type: "replied_to", id: aliceTweets[0] }],
      public_metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0 },
    });
    const includes = read.body.includes as { users: { id: string }[]; tweets: Record<string, unknown>[] };
    expect(includes.users.map((u) => u.id).sort()).toEqual([alice.id, bob.id].sort());
    expect(includes.tweets).toEqual([expect.objectContaining({ id: aliceTweets[0], author_id: alice.id, public_metrics: expect.objectContaining({ reply_count: 1, quote_count: 1 }) })]);

    const quoted = await answer(await get(`/2/tweets/${quoteId}?tweet.fields=referenced_tweets,conversation_id`, auth.appOnly!));
    expect(quoted.body.data).toMatchObject({ referenced_tweets: [{ type: "quoted", id: aliceTweets[0] }], conversation_id: quoteId });
  });

  it("a reply to a Tweet that does not exist or cannot be seen is X's 403; a missing quote too", async () => {
    const gone = { title: "Forbidden", type: "about:blank", status: 403, detail: "You attempted to reply to a Tweet that is deleted or not visible to you." };
    expect((await answer(await call("POST", url("/2/tweets"), auth.bob!, { text: "hello?", reply: { in_reply_to_tweet_id: "1234567" } }))).body).toEqual(gone);
    const quote = await answer(await call("POST", url("/2/tweets"), auth.bob!, { text: "hm", quote_tweet_id: "1234567" }));
    expect([quote.status, quote.body.detail]).toEqual([403, "You attempted to quote a Tweet that is deleted or not visible to you."]);
  });

  it("GET /2/tweets?ids= answers in the order asked, with partial errors for unknown ids; 1–100 ids", async () => {
    const res = await answer(await get(`/2/tweets?ids=${aliceTweets[3]},999,${aliceTweets[1]}&tweet.fields=author_id`, auth.appOnly!));
    expect(idsOf(res.body)).toEqual([aliceTweets[3], aliceTweets[1]]);
    expect(res.body.errors).toEqual([expect.objectContaining({ resource_id: "999", parameter: "ids", title: "Not Found Error" })]);
    expect((await get("/2/tweets", auth.appOnly!)).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => String(i + 1)).join(",");
    expect((await get(`/2/tweets?ids=${many}`, auth.appOnly!)).status).toBe(400);
  });
});

describe("mentions and the home timeline", () => {
  it("GET /2/users/:id/mentions: @mentions and replies to the user, paged", async () => {
    const db = getDb();
    for (let i = 0; i < 6; i++) createTweet(db, { authorId: bob.id, app: app.app, text: `@${alice.username} ping ${i}` }, Date.now() - 30_000 + i);
    const pages = await allPages((token) => get(`/2/users/${alice.id}/mentions?max_results=5${token ? `&pagination_token=${token}` : ""}`, auth.alice!));
    const texts = pages.flatMap((p) => (p.data as { text: string }[]).map((t) => t.text));
    expect(texts).toEqual(expect.arrayContaining(["nice one", carolText, `@${alice.username} ping 0`, `@${alice.username} ping 5`]));
    expect(pages.map((p) => (p.meta as { result_count: number }).result_count)).toEqual([5, 3]);
  });

  it("GET /2/users/:id/timelines/reverse_chronological: own and followed accounts' Tweets, own user only", async () => {
    const pages = await allPages((token) => get(`/2/users/${alice.id}/timelines/reverse_chronological?max_results=4${token ? `&pagination_token=${token}` : ""}`, auth.alice!));
    const ids = pages.flatMap(idsOf);
    expect(ids).toHaveLength(13); // alice's 12 + carol's 1
    expect(ids.indexOf(aliceTweets[0]!)).toBe(1); // carol's is newest
    const other = await answer(await get(`/2/users/${bob.id}/timelines/reverse_chronological`, auth.alice!));
    expect([other.status, other.body.title]).toEqual([403, "Forbidden"]);
    const appOnly = await answer(await get(`/2/users/${alice.id}/timelines/reverse_chronological`, auth.appOnly!));
    expect(appOnly.body.type).toBe("https://api.twitter.com/2/problems/unsupported-authentication");
    expect((await answerWithLimits(await get(`/2/users/${carol.id}/timelines/reverse_chronological`, auth.carolRead!))).limits.limit).toBe("180");
  });
});

describe("suspended Apps", () => {
  it("every credential of a suspended App is refused on the timelines, as on the other endpoints", async () => {
    const db = getDb();
    db.update(apps).set({ status: "suspended" }).where(eq(apps.id, app.app.id)).run();
    try {
      for (const who of [auth.alice!, auth.bob!, auth.appOnly!]) {
        const res = await answer(await get(`/2/users/${alice.id}/tweets`, who));
        expect([res.status, res.body.reason]).toEqual([403, "client-suspended"]);
      }
    } finally {
      db.update(apps).set({ status: "active" }).where(eq(apps.id, app.app.id)).run();
    }
  });
});

describe("protected accounts", () => {
  it("only the account and its accepted followers see its timeline and Tweets", async () => {
    getDb().update(users).set({ protected: true }).where(eq(users.id, carol.id)).run();
    try {
      const stranger = await answer(await get(`/2/users/${carol.id}/tweets`, auth.bob!));
      expect(stranger.body).toEqual({
        errors: [expect.objectContaining({ title: "Authorization Error", resource_type: "user", resource_id: carol.id, detail: `Sorry, you are not authorized to see the user with id: [${carol.id}].` })],
      });
      const follower = await answer(await get(`/2/users/${carol.id}/tweets`, auth.alice!));
      expect((follower.body.data as { text: string }[]).map((t) => t.text)).toEqual([carolText]);
      expect((await answer(await get(`/2/users/${alice.id}/mentions?max_results=100`, auth.bob!))).body.data).not.toContainEqual(expect.objectContaining({ text: carolText }));
      expect((await answer(await get(`/2/users/${alice.id}/mentions?max_results=100`, auth.alice!))).body.data).toContainEqual(expect.objectContaining({ text: carolText }));
    } finally {
      getDb().update(users).set({ protected: false }).where(eq(users.id, carol.id)).run();
    }
  });
});

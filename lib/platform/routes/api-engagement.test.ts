import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { followUser } from "@/lib/domain/follows";
import { likeTweet } from "@/lib/domain/likes";
import { retweet } from "@/lib/domain/retweets";
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
let owner: PublicUser;
let fan: PublicUser;
let reader: PublicUser;
let crowd: PublicUser[];
let tweetId: string;
const auth: Record<string, Auth> = {};
const url = (path: string) => `${platform.base}${path}`;
const page = (token: string | null) => (token ? `&pagination_token=${token}` : "");
const userIds = (pages: Record<string, unknown>[]) => pages.flatMap(idsOf);

const OAUTH1_PERMISSIONS = {
  title: "Forbidden",
  status: 403,
  detail: "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.",
  type: "https://api.twitter.com/2/problems/oauth1-permissions",
};
const SCOPE_FORBIDDEN = { title: "Forbidden", type: "about:blank", status: 403, detail: "Forbidden" };

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  app = await seedApiApp(db, "eng");
  [owner, fan, reader] = [await seedUser(db, "engo"), await seedUser(db, "engf"), await seedUser(db, "engr")];
  crowd = [];
  for (let i = 0; i < 5; i++) crowd.push(await seedUser(db, `engc${i}`));
  auth.owner = { bearer: await oauth2Token(db, platform.base, app, owner.id, "tweet.read tweet.write users.read tweet.moderate.write follows.read") };
  auth.fan = { bearer: await oauth2Token(db, platform.base, app, fan.id, "tweet.read tweet.write users.read like.read like.write follows.read follows.write") };
  auth.fanO1 = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, fan.id, "write") } };
  auth.readO1 = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, reader.id, "read") } };
  auth.readO2 = { bearer: await oauth2Token(db, platform.base, app, reader.id, "tweet.read users.read like.read follows.read") };
  auth.appOnly = { bearer: await appOnlyToken(platform.base, app) };
  const start = Date.now() - 60_000;
  tweetId = createTweet(db, { authorId: owner.id, app: app.app, text: "like me" }, start).id;
  crowd.forEach((u, i) => {
    likeTweet(db, { userId: u.id, tweetId }, start + 10 + i);
    retweet(db, { userId: u.id, app: app.app, tweetId }, start + 20 + i);
    followUser(db, { followerId: u.id, targetId: owner.id }, start + 30 + i);
    followUser(db, { followerId: owner.id, targetId: u.id }, start + 40 + i);
  });
});
afterAll(() => platform.close());

describe("likes", () => {
  it("POST /2/users/:id/likes and DELETE …/likes/:tweet_id for the authenticated user; liking twice is still liked", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await answerWithLimits(await call("POST", url(`/2/users/${fan.id}/likes`), auth.fan!, { tweet_id: tweetId }));
      expect([res.status, res.body]).toEqual([200, { data: { liked: true } }]);
      expect(res.limits.limit).toBe("50");
    }
    const liked = await answer(await call("GET", url(`/2/users/${fan.id}/liked_tweets?tweet.fields=public_metrics`), auth.fan!));
    expect(liked.body).toEqual({ data: [expect.objectContaining({ id: tweetId, public_metrics: expect.objectContaining({ like_count: 6, retweet_count: 5 }) })], meta: { result_count: 1 } });
    expect((await answer(await call("DELETE", url(`/2/users/${fan.id}/likes/${tweetId}`), auth.fanO1!))).body).toEqual({ data: { liked: false } });
    expect((await answer(await call("GET", url(`/2/users/${fan.id}/liked_tweets`), auth.fan!))).body).toEqual({ meta: { result_count: 0 } });
    const missing = await answer(await call("POST", url(`/2/users/${fan.id}/likes`), auth.fan!, { tweet_id: "123456789" }));
    expect([missing.status, missing.body.type]).toEqual([404, "https://api.twitter.com/2/problems/resource-not-found"]);
  });

  it("refusals: a Read token (oauth1-permissions), a token without like.write (Forbidden), app-only, another user's id", async () => {
    const like = (who: Auth, id = reader.id) => call("POST", url(`/2/users/${id}/likes`), who, { tweet_id: tweetId });
    expect(await answer(await like(auth.readO1!))).toEqual({ status: 403, level: "read", body: OAUTH1_PERMISSIONS });
    expect(await answer(await like(auth.readO2!))).toEqual({ status: 403, level: "read", body: SCOPE_FORBIDDEN });
    expect((await answer(await call("DELETE", url(`/2/users/${reader.id}/likes/${tweetId}`), auth.readO2!))).body).toEqual(SCOPE_FORBIDDEN);
    expect((await answer(await like(auth.appOnly!))).body.type).toBe("https://api.twitter.com/2/problems/unsupported-authentication");
    const other = await answer(await like(auth.fan!, owner.id));
    expect([other.status, other.body.title]).toEqual([403, "Forbidden"]);
    expect((await answer(await call("GET", url(`/2/tweets/${tweetId}/liking_users`), auth.owner!))).body).toEqual(SCOPE_FORBIDDEN); // no like.read
  });

  it("GET /2/tweets/:id/liking_users and /2/users/:id/liked_tweets page newest first", async () => {
    const pages = await allPages((t) => call("GET", url(`/2/tweets/${tweetId}/liking_users?max_results=2${page(t)}`), auth.readO2!));
    expect(pages.map((p) => (p.meta as { result_count: number }).result_count)).toEqual([2, 2, 1]);
    expect(userIds(pages)).toEqual(crowd.map((u) => u.id).reverse());
    const limits = await answerWithLimits(await call("GET", url(`/2/tweets/${tweetId}/liking_users`), auth.appOnly!));
    expect([limits.status, limits.limits.limit]).toEqual([200, "75"]);
    const likedBy = await answer(await call("GET", url(`/2/users/${crowd[0]!.id}/liked_tweets?max_results=5`), auth.readO1!));
    expect(idsOf(likedBy.body)).toEqual([tweetId]);
  });
});

describe("retweets", () => {
  it("POST /2/users/:id/retweets, retweeted_by pages, DELETE …/retweets/:source_tweet_id", async () => {
    const rt = await answerWithLimits(await call("POST", url(`/2/users/${fan.id}/retweets`), auth.fanO1!, { tweet_id: tweetId }));
    expect([rt.status, rt.body, rt.limits.limit]).toEqual([200, { data: { retweeted: true } }, "50"]);
    const timeline = await answer(await call("GET", url(`/2/users/${fan.id}/tweets?tweet.fields=referenced_tweets&expansions=referenced_tweets.id`), auth.fan!));
    expect(timeline.body.data).toEqual([expect.objectContaining({ text: `RT @${owner.username}: like me`, referenced_tweets: [{ type: "retweeted", id: tweetId }] })]);
    expect((timeline.body.includes as { tweets: { id: string }[] }).tweets.map((t) => t.id)).toEqual([tweetId]);

    const pages = await allPages((t) => call("GET", url(`/2/tweets/${tweetId}/retweeted_by?max_results=4${page(t)}`), auth.appOnly!));
    expect(userIds(pages)).toEqual([fan.id, ...crowd.map((u) => u.id).reverse()]);
    expect((await answer(await call("DELETE", url(`/2/users/${fan.id}/retweets/${tweetId}`), auth.fan!))).body).toEqual({ data: { retweeted: false } });
    expect((await answer(await call("GET", url(`/2/users/${fan.id}/tweets`), auth.fan!))).body).toEqual({ meta: { result_count: 0 } });
    expect((await answer(await call("POST", url(`/2/users/${reader.id}/retweets`), auth.readO1!, { tweet_id: tweetId }))).body).toEqual(OAUTH1_PERMISSIONS);
  });
});

describe("follows", () => {
  it("POST /2/users/:id/following and DELETE /2/users/:source_user_id/following/:target_user_id", async () => {
    const res = await answerWithLimits(await call("POST", url(`/2/users/${fan.id}/following`), auth.fan!, { target_user_id: owner.id }));
    expect([res.status, res.body, res.limits.limit]).toEqual([200, { data: { following: true, pending_follow: false } }, "50"]);
    const followers = await answer(await call("GET", url(`/2/users/${owner.id}/followers?max_results=1`), auth.fan!));
    expect([idsOf(followers.body), (followers.body.meta as { next_token?: string }).next_token]).toEqual([[fan.id], expect.any(String)]);
    expect((await answer(await call("DELETE", url(`/2/users/${fan.id}/following/${owner.id}`), auth.fanO1!))).body).toEqual({ data: { following: false } });
    const self = await answer(await call("POST", url(`/2/users/${fan.id}/following`), auth.fan!, { target_user_id: fan.id }));
    expect(self.status).toBe(403);
  });

  it("refusals: a Read token, a token without follows.write, app-only, another user's id", async () => {
    const follow = (who: Auth, id = reader.id) => call("POST", url(`/2/users/${id}/following`), who, { target_user_id: owner.id });
    expect((await answer(await follow(auth.readO1!))).body).toEqual(OAUTH1_PERMISSIONS);
    expect((await answer(await follow(auth.readO2!))).body).toEqual(SCOPE_FORBIDDEN);
    expect((await answer(await follow(auth.owner!, owner.id))).body).toEqual(SCOPE_FORBIDDEN);
    expect((await answer(await follow(auth.appOnly!))).body.type).toBe("https://api.twitter.com/2/problems/unsupported-authentication");
    expect((await answer(await follow(auth.fan!, reader.id))).status).toBe(403);
  });

  it("GET /2/users/:id/following and /followers walk every page, with public_metrics on request", async () => {
    const following = await allPages((t) => call("GET", url(`/2/users/${owner.id}/following?max_results=2${page(t)}`), auth.appOnly!));
    expect(userIds(following)).toEqual(crowd.map((u) => u.id).reverse());
    const followers = await allPages((t) => call("GET", url(`/2/users/${owner.id}/followers?max_results=3&user.fields=public_metrics${page(t)}`), auth.readO1!));
    expect(userIds(followers)).toEqual(crowd.map((u) => u.id).reverse());
    expect((followers[0]!.data as Record<string, unknown>[])[0]).toMatchObject({ public_metrics: { followers_count: 1, following_count: 1 } });
    const limits = await answerWithLimits(await call("GET", url(`/2/users/${owner.id}/followers`), auth.readO2!));
    expect(limits.limits.limit).toBe("300");
  });
});

describe("hide replies", () => {
  it("PUT /2/tweets/:id/hidden: the author of the Tweet replied to hides and unhides; others are refused", async () => {
    const reply = await answer(await call("POST", url("/2/tweets"), auth.fan!, { text: "a reply", reply: { in_reply_to_tweet_id: tweetId } }));
    const replyId = (reply.body.data as { id: string }).id;
    const hide = await answerWithLimits(await call("PUT", url(`/2/tweets/${replyId}/hidden`), auth.owner!, { hidden: true }));
    expect([hide.status, hide.body, hide.limits.limit]).toEqual([200, { data: { hidden: true } }, "50"]);
    expect((await answer(await call("PUT", url(`/2/tweets/${replyId}/hidden`), auth.owner!, { hidden: false }))).body).toEqual({ data: { hidden: false } });
    expect((await answer(await call("PUT", url(`/2/tweets/${tweetId}/hidden`), auth.owner!, { hidden: true }))).status).toBe(403); // not a reply
    expect((await answer(await call("PUT", url(`/2/tweets/${replyId}/hidden`), auth.fan!, { hidden: true }))).body).toEqual(SCOPE_FORBIDDEN); // no tweet.moderate.write
    expect((await answer(await call("PUT", url(`/2/tweets/${replyId}/hidden`), auth.fanO1!, { hidden: true }))).status).toBe(403); // not the owner's reply
    expect((await answer(await call("PUT", url(`/2/tweets/${replyId}/hidden`), auth.readO1!, { hidden: true }))).body).toEqual(OAUTH1_PERMISSIONS);
  });
});

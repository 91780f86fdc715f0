import http from "node:http";
import net from "node:net";
import sharp from "sharp";
import { TwitterApi } from "twitter-api-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { followUser } from "@/lib/domain/follows";
import { createTweet } from "@/lib/domain/tweets";
import type { PublicUser } from "@/lib/domain/users";
import { appOnlyToken, oauth2Token, seedApiApp, seedUser, startPlatform, type ApiApp } from "./api-test-support";

/**
 * twitter-api-v2 1.29, unmodified, calling X's own URLs (https://api.x.com/2/…): its requests go
 * through an agent that connects to the test server instead (plain HTTP on loopback; the Host
 * stays api.x.com). Bearer tokens only, since an OAuth 1.0a signature covers the https URL.
 */
class LoopbackAgent extends http.Agent {
  constructor(private readonly port: number) {
    super({ keepAlive: true });
    (this as unknown as { protocol: string }).protocol = "https:"; // twitter-api-v2 always calls https.request
  }
  createConnection(_options: unknown, callback?: (err: Error | null, socket: net.Socket) => void): net.Socket {
    const socket = net.connect(this.port, "127.0.0.1");
    if (callback) socket.once("connect", () => callback(null, socket));
    return socket;
  }
}

let platform: { base: string; close: () => Promise<void> };
let app: ApiApp;
let me: PublicUser;
let friend: PublicUser;
let agent: LoopbackAgent;
let userClient: TwitterApi;
let appClient: TwitterApi;
const word = `walrus${Date.now().toString(36)}`;
const mine: string[] = [];
const mentions: string[] = [];
const followers: string[] = [];

beforeAll(async () => {
  platform = await startPlatform();
  agent = new LoopbackAgent(Number(new URL(platform.base).port));
  const db = getDb();
  app = await seedApiApp(db, "tav2");
  [me, friend] = [await seedUser(db, "tavme"), await seedUser(db, "tavfr")];
  const scopes = "tweet.read tweet.write users.read follows.read follows.write like.read like.write media.write";
  userClient = new TwitterApi(await oauth2Token(db, platform.base, app, me.id, scopes), { httpAgent: agent });
  appClient = new TwitterApi(await appOnlyToken(platform.base, app), { httpAgent: agent });
  const start = Date.now() - 120_000;
  for (let i = 0; i < 23; i++) mine.unshift(createTweet(db, { authorId: me.id, app: app.app, text: `${word} mine ${i}` }, start + i * 10).id);
  for (let i = 0; i < 11; i++) mentions.unshift(createTweet(db, { authorId: friend.id, app: app.app, text: `@${me.username} hello ${i}` }, start + 1000 + i * 10).id);
  followUser(db, { followerId: me.id, targetId: friend.id }, start);
  for (let i = 0; i < 7; i++) {
    const follower = await seedUser(db, `tavf${i}`);
    followUser(db, { followerId: follower.id, targetId: me.id }, start + i);
    followers.unshift(follower.id);
  }
}, 60_000);
afterAll(async () => {
  agent.destroy();
  await platform.close();
});

describe("twitter-api-v2's paginators walk every page", () => {
  it("v2.userTimeline", async () => {
    const paginator = await appClient.v2.userTimeline(me.id, { max_results: 5, "tweet.fields": ["created_at", "author_id"] });
    await paginator.fetchLast(1000);
    expect(paginator.done).toBe(true);
    expect(paginator.tweets.map((t) => t.id)).toEqual(mine);
    expect(paginator.meta.result_count).toBe(23);
    expect(paginator.rateLimit.limit).toBe(10000);
  });

  it("v2.search (next_token), with includes", async () => {
    const paginator = await appClient.v2.search(`${word} from:${me.username}`, { max_results: 10, expansions: ["author_id"] });
    await paginator.fetchLast(1000);
    expect(paginator.tweets.map((t) => t.id)).toEqual(mine);
    expect(paginator.includes.author(paginator.tweets[0]!)?.username).toBe(me.username);
  });

  it("v2.userMentionTimeline", async () => {
    const paginator = await userClient.v2.userMentionTimeline(me.id, { max_results: 5 });
    await paginator.fetchLast(1000);
    expect(paginator.tweets.map((t) => t.id)).toEqual(mentions);
  });

  it("v2.homeTimeline (own and followed accounts' Tweets)", async () => {
    const paginator = await userClient.v2.homeTimeline({ max_results: 7 });
    await paginator.fetchLast(1000);
    expect(paginator.tweets.map((t) => t.id)).toEqual([...mentions, ...mine]);
  });

  it("v2.followers", async () => {
    const paginator = await userClient.v2.followers(me.id, { asPaginator: true, max_results: 3 });
    await paginator.fetchLast(1000);
    expect(paginator.users.map((u) => u.id)).toEqual(followers);
  });
});

describe("twitter-api-v2's writes", () => {
  it("v2.uploadMedia (initialize/append/finalize), v2.tweet with media, reply, like, retweet, follow", async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 4, background: "#ffad1f" } }).png().toBuffer();
    const mediaId = await userClient.v2.uploadMedia(png, { media_type: "image/png" }, 100);
    const posted = await userClient.v2.tweet({ text: "with a picture", media: { media_ids: [mediaId] } });
    const reply = await userClient.v2.reply("and a reply", posted.data.id);
    expect(reply.data.text).toBe("and a reply");
    expect(await userClient.v2.like(me.id, mentions[0]!)).toEqual({ data: { liked: true } });
    expect(await userClient.v2.retweet(me.id, mentions[0]!)).toEqual({ data: { retweeted: true } });
    expect((await userClient.v2.follow(me.id, followers[0]!)).data).toEqual({ following: true, pending_follow: false });
    const read = await appClient.v2.singleTweet(posted.data.id, { expansions: ["attachments.media_keys"], "media.fields": ["width", "height"] });
    expect(read.includes?.media).toEqual([{ media_key: `3_${mediaId}`, type: "photo", width: 64, height: 48 }]);
  });
});

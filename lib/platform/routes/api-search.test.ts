import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createTweet } from "@/lib/domain/tweets";
import type { PublicUser } from "@/lib/domain/users";
import { allPages, answer, answerWithLimits, appOnlyToken, call, idsOf, oauth2Token, seedApiApp, seedUser, startPlatform, type ApiApp, type Auth } from "./api-test-support";

let platform: { base: string; close: () => Promise<void> };
let app: ApiApp;
let poster: PublicUser;
let other: PublicUser;
const auth: Record<string, Auth> = {};
const word = `zebra${Date.now().toString(36)}`;
const matching: string[] = [];
const url = (path: string) => `${platform.base}${path}`;
const search = (q: string, who: Auth, extra = "") => call("GET", url(`/2/tweets/search/recent?query=${encodeURIComponent(q)}${extra}`), who);

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  app = await seedApiApp(db, "srch");
  [poster, other] = [await seedUser(db, "srp"), await seedUser(db, "sro")];
  auth.user = { bearer: await oauth2Token(db, platform.base, app, other.id, "tweet.read users.read") };
  auth.usersOnly = { bearer: await oauth2Token(db, platform.base, app, poster.id, "users.read") };
  auth.appOnly = { bearer: await appOnlyToken(platform.base, app) };
  const start = Date.now() - 60_000;
  for (let i = 0; i < 23; i++) matching.unshift(createTweet(db, { authorId: poster.id, app: app.app, text: `${word} number ${i}` }, start + i * 10).id);
  createTweet(db, { authorId: other.id, app: app.app, text: `a ${word} from someone else` }, start + 1000);
  createTweet(db, { authorId: poster.id, app: app.app, text: `${word}s is another word` }, start + 1001);
});
afterAll(() => platform.close());

describe("GET /2/tweets/search/recent", () => {
  it("pages through every match with next_token (twitter-api-v2's name) and pagination_token", async () => {
    const pages = await allPages(async (token) => search(`${word} from:${poster.username}`, auth.appOnly!, token ? `&next_token=${token}` : ""));
    expect(pages.map((p) => (p.meta as { result_count: number }).result_count)).toEqual([10, 10, 3]);
    expect(pages.flatMap(idsOf)).toEqual(matching);
    const second = await answer(await search(`${word} from:${poster.username}`, auth.user!, `&max_results=20&pagination_token=${(pages[0]!.meta as { next_token: string }).next_token}`));
    expect(idsOf(second.body)).toEqual(matching.slice(10));
    const all = await answer(await search(`${word} -from:${poster.username} OR "number 22"`, auth.user!, "&expansions=author_id"));
    expect((all.body.data as { text: string }[]).map((t) => t.text)).toEqual([`a ${word} from someone else`, `${word} number 22`]);
    expect((all.body.includes as { users: { id: string }[] }).users.map((u) => u.id).sort()).toEqual([poster.id, other.id].sort());
  });

  it("refuses an unsupported operator, a bad query or an old start_time as X does (400 invalid-request)", async () => {
    const res = await answer(await search(`${word} lang:en`, auth.appOnly!));
    expect(res).toEqual({
      status: 400,
      level: "read",
      body: {
        errors: [
          {
            parameters: { query: [`${word} lang:en`] },
            message: `There were errors processing your request: Reference to invalid operator 'lang'. Operator is not available in current product or product packaging. Please refer to complete available operator list at https://developer.twitter.com/en/docs/twitter-api/tweets/search/integrate/build-a-query. (at position ${word.length + 2})`,
          },
        ],
        title: "Invalid Request",
        detail: "One or more parameters to your request was invalid.",
        type: "https://api.twitter.com/2/problems/invalid-request",
      },
    });
    expect((await answer(await search("is:reply", auth.appOnly!))).status).toBe(400);
    expect((await answer(await call("GET", url("/2/tweets/search/recent"), auth.appOnly!))).status).toBe(400);
    expect((await answer(await search(word, auth.appOnly!, "&max_results=5"))).status).toBe(400);
    const old = await answer(await search(word, auth.appOnly!, "&start_time=2020-01-01T00:00:00Z"));
    expect((old.body.errors as { message: string }[])[0]!.message).toMatch(/^Invalid 'start_time':'2020-01-01T00:00:00Z'\. 'start_time' must be on or after /);
  });

  it("rate limits: 300 per user, 450 per App; tweet.read is needed", async () => {
    expect((await answerWithLimits(await search(word, auth.user!))).limits.limit).toBe("300");
    expect((await answerWithLimits(await search(word, auth.appOnly!))).limits.limit).toBe("450");
    expect((await answer(await search(word, auth.usersOnly!))).body).toEqual({ title: "Forbidden", type: "about:blank", status: 403, detail: "Forbidden" });
  });
});

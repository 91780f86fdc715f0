import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { PublicUser } from "@/lib/domain/users";
import { answer, appOnlyToken, call, oauth1Token, oauth2Token, seedApiApp, seedUser, startPlatform, type ApiApp, type Auth } from "./api-test-support";

let platform: { base: string; close: () => Promise<void> };
let app: ApiApp;
let me: PublicUser;
let friend: PublicUser;
let o1: Auth;
let bearer: Auth;
const url = (path: string) => `${platform.base}${path}`;

const invalid = (errors: unknown[]) => ({
  errors,
  title: "Invalid Request",
  detail: "One or more parameters to your request was invalid.",
  type: "https://api.twitter.com/2/problems/invalid-request",
});

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  app = await seedApiApp(db, "bad");
  me = await seedUser(db, "badme");
  friend = await seedUser(db, "badfr");
  o1 = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, me.id) } };
  bearer = { bearer: await appOnlyToken(platform.base, app) };
});
afterAll(() => platform.close());

describe("bad input gets X's 400 problems, never a 500", () => {
  it("POST /2/tweets: malformed JSON, wrong types, unknown properties, empty and over-long text", async () => {
    const post = async (body: unknown) => answer(await call("POST", url("/2/tweets"), o1, body));
    expect(await post("{not json")).toEqual({ status: 400, level: "read-write-directmessages", body: invalid([{ message: "Requested body is not valid JSON." }]) });
    expect((await post({ text: 42 })).body).toEqual(invalid([{ message: "$.text: integer found, string expected" }]));
    expect((await post([])).body).toEqual(invalid([{ message: "$: array found, object expected" }]));
    expect((await post({})).body).toEqual(invalid([{ message: "$.text: is missing but it is required" }]));
    expect((await post({ text: "hi", poll: {} })).body).toEqual(
      invalid([{ message: "$.poll: is not defined in the schema and the schema does not allow additional properties" }]),
    );
    expect((await post({ text: "   " })).status).toBe(400);
    const long = await post({ text: "x".repeat(281) });
    expect(long.status).toBe(400);
    expect((long.body.errors as { message: string }[])[0]!.message).toMatch(/^Your Tweet text is too long/);
    expect((await post({ text: "🙂".repeat(280) })).status).toBe(201); // 280 characters, 560 UTF-16 units
    expect((await answer(await call("POST", url("/2/tweets"), o1, "x".repeat(70_000)))).status).toBe(400);
  });

  it("unknown query parameters, unknown fields, empty values and bad ids", async () => {
    const get = async (path: string, auth: Auth = o1) => answer(await call("GET", url(path), auth));
    const nope = await get("/2/users/me?user.fields=description,nope");
    expect(nope.status).toBe(400);
    expect(nope.body).toMatchObject(invalid([{ parameters: { "user.fields": ["nope"] } }]));
    expect((nope.body.errors as { message: string }[])[0]!.message).toMatch(/^The `user\.fields` query parameter value \[nope\] is not one of \[affiliation,confirmed_email,/);
    expect((await get("/2/users/me?foo=bar")).body).toEqual(invalid([{ parameters: { foo: ["bar"] }, message: "The query parameter [foo] is not one of [user.fields]" }]));
    expect((await get("/2/users/me?user.fields=")).body).toEqual(invalid([{ parameters: { "user.fields": [""] }, message: "The `user.fields` query parameter can not be empty" }]));
    expect((await get("/2/users/abc", bearer)).body).toEqual(
      invalid([{ parameters: { id: ["abc"] }, message: "The `id` query parameter value [abc] does not match ^[0-9]{1,19}$" }]),
    );
    expect((await get("/2/users/by/username/no-dashes", bearer)).status).toBe(400);
    expect((await get("/2/tweets/12x?tweet.fields=source", bearer)).status).toBe(400);
    expect((await get("/2/dm_events?max_results=500")).body).toEqual(
      invalid([{ parameters: { max_results: ["500"] }, message: "The `max_results` query parameter value [500] is not between 1 and 100" }]),
    );
    expect((await get("/2/dm_events?pagination_token=notatoken")).status).toBe(400);
    for (const path of ["/2/users/%ZZ", "/2/tweets/%E0%A4%A", "/2/users/by/username/%00", "/2/users/me?user.fields=%ZZ", "/2/dm_conversations/%ZZ/dm_events"]) {
      expect((await answer(await fetch(url(path), { headers: { authorization: `Bearer ${(bearer as { bearer: string }).bearer}` } }))).status).toBe(path.includes("users/me") || path.includes("dm_") ? 403 : 400);
    }
  });

  it("unknown users and Tweets: 200 with X's resource-not-found partial error; deleting one is 404", async () => {
    const missing = "1234567890123456789";
    expect(await answer(await call("GET", url(`/2/users/${missing}`), bearer))).toEqual({
      status: 200,
      level: "read",
      body: {
        errors: [
          {
            value: missing,
            detail: `Could not find user with id: [${missing}].`,
            title: "Not Found Error",
            resource_type: "user",
            parameter: "id",
            resource_id: missing,
            type: "https://api.twitter.com/2/problems/resource-not-found",
          },
        ],
      },
    });
    const byName = await answer(await call("GET", url("/2/users/by/username/nobody_here"), bearer));
    expect((byName.body.errors as { detail: string }[])[0]!.detail).toBe("Could not find user with username: [nobody_here].");
    const tweet = await answer(await call("GET", url(`/2/tweets/${missing}`), bearer));
    expect((tweet.body.errors as { detail: string }[])[0]!.detail).toBe(`Could not find tweet with id: [${missing}].`);
    const del = await answer(await call("DELETE", url(`/2/tweets/${missing}`), o1));
    expect([del.status, del.body.type]).toEqual([404, "https://api.twitter.com/2/problems/resource-not-found"]);
    const dm = await answer(await call("POST", url(`/2/dm_conversations/with/${missing}/messages`), o1, { text: "hi" }));
    expect(dm.status).toBe(404);
  });
});

describe("fields", () => {
  it("user.fields the platform has (public_metrics counted); confirmed_email only with the email permission or users.email", async () => {
    const fields = "created_at,description,profile_image_url,protected,url,verified,confirmed_email,public_metrics";
    const mine = await answer(await call("GET", url(`/2/users/me?user.fields=${fields}`), o1));
    expect(mine.body.data).toEqual({
      id: me.id,
      name: me.name,
      username: me.username,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      description: "",
      profile_image_url: `${platform.base}/default-profile.svg`,
      protected: false,
      url: "",
      verified: false,
      confirmed_email: me.email,
      public_metrics: { followers_count: 0, following_count: 0, tweet_count: expect.any(Number), listed_count: 0, like_count: 0 },
    });
    const other = await answer(await call("GET", url(`/2/users/${friend.id}?user.fields=confirmed_email`), o1));
    expect(other.body.data).toEqual({ id: friend.id, name: friend.name, username: friend.username });
    const db = getDb();
    const withScope = await oauth2Token(db, platform.base, app, friend.id, "tweet.read users.read users.email");
    const o2 = await answer(await call("GET", url("/2/users/me?user.fields=confirmed_email"), { bearer: withScope }));
    expect(o2.body.data).toMatchObject({ confirmed_email: friend.email });
    const stranger = await seedUser(db, "badst");
    const noScope = await oauth2Token(db, platform.base, app, stranger.id, "tweet.read users.read");
    expect((await answer(await call("GET", url("/2/users/me?user.fields=confirmed_email"), { bearer: noScope }))).body.data).not.toHaveProperty("confirmed_email");
  });
});

describe("Direct Messages", () => {
  it("one-to-one and group conversations, lists newest first with max_results and pagination tokens", async () => {
    const db = getDb();
    const third = await seedUser(db, "badth");
    const sent: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const res = await answer(await call("POST", url(`/2/dm_conversations/with/${friend.id}/messages`), o1, { text: `m${i}` }));
      sent.push((res.body.data as { dm_event_id: string }).dm_event_id);
    }
    const group = await answer(
      await call("POST", url("/2/dm_conversations"), o1, { conversation_type: "Group", participant_ids: [friend.id, third.id], message: { text: "group hi" } }),
    );
    expect(group.status).toBe(201);
    const groupId = (group.body.data as { dm_conversation_id: string }).dm_conversation_id;
    expect((await answer(await call("POST", url(`/2/dm_conversations/${groupId}/messages`), o1, { text: "again" }))).status).toBe(201);

    const page1 = await answer(await call("GET", url("/2/dm_events?max_results=2"), o1));
    expect((page1.body.data as { text: string }[]).map((e) => e.text)).toEqual(["again", "group hi"]);
    const meta = page1.body.meta as { result_count: number; next_token: string };
    expect(meta.result_count).toBe(2);
    const page2 = await answer(await call("GET", url(`/2/dm_events?max_results=2&pagination_token=${meta.next_token}`), o1));
    expect((page2.body.data as { text: string }[]).map((e) => e.text)).toEqual(["m3", "m2"]);

    const withFriend = await answer(await call("GET", url(`/2/dm_conversations/with/${friend.id}/dm_events`), o1));
    expect((withFriend.body.data as { id: string }[]).map((e) => e.id)).toEqual([...sent].reverse());
    expect(withFriend.body.meta).toEqual({ result_count: 3 });
    const ofGroup = await answer(await call("GET", url(`/2/dm_conversations/${groupId}/dm_events?event_types=MessageCreate`), o1));
    expect((ofGroup.body.data as { text: string; sender_id: string }[]).map((e) => [e.text, e.sender_id])).toEqual([["again", me.id], ["group hi", me.id]]);
    expect((await answer(await call("GET", url(`/2/dm_conversations/with/${third.id}/dm_events`), o1))).body).toEqual({ meta: { result_count: 0 } });

    // Not a participant: the outsider's own token is refused on the group.
    const outsider = await seedUser(db, "badou");
    const outsiderAuth: Auth = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, outsider.id) } };
    for (const res of [
      await call("GET", url(`/2/dm_conversations/${groupId}/dm_events`), outsiderAuth),
      await call("POST", url(`/2/dm_conversations/${groupId}/messages`), outsiderAuth, { text: "let me in" }),
    ]) {
      const a = await answer(res);
      expect([a.status, a.body.type]).toEqual([403, "https://api.twitter.com/2/problems/not-authorized-for-resource"]);
    }
    const badGroup = await answer(await call("POST", url("/2/dm_conversations"), o1, { conversation_type: "OneToOne", participant_ids: [], message: {} }));
    expect(badGroup.status).toBe(400);
    expect((badGroup.body.errors as unknown[]).length).toBe(3);
  });
});

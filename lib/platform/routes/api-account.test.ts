import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { PublicUser } from "@/lib/domain/users";
import { answer, call, oauth1Token, oauth2Token, seedApiApp, seedUser, startPlatform, type ApiApp, type Auth, type Credentials } from "./api-test-support";
import { nodeOAuthClient, type HttpFailure } from "./oauth1-test-support";

let platform: { base: string; close: () => Promise<void> };
let app: ApiApp;
let user: PublicUser;
let writeToken: Credentials;
let readToken: Credentials;
const url = (path: string) => `${platform.base}${path}`;

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  app = await seedApiApp(db, "prof");
  user = await seedUser(db, "profu");
  writeToken = await oauth1Token(db, platform.base, app, user.id, "write");
  readToken = await oauth1Token(db, platform.base, app, (await seedUser(db, "profr")).id, "read");
});
afterAll(() => platform.close());

/** The `oauth` package (passport-twitter's client) posting a signed form, as v1.1 clients do. */
const client = () => nodeOAuthClient(platform.base, app.consumer, "oob");
const failure = (err: unknown) => ({ status: (err as HttpFailure).statusCode, body: JSON.parse((err as HttpFailure).data ?? "null") as unknown });

describe("POST /1.1/account/update_profile.json", () => {
  it("updates name, description, url and location; the v2 user object shows them", async () => {
    const raw = await client().post(url("/1.1/account/update_profile.json"), writeToken, {
      name: "Weather Bot",
      description: "Forecasts every hour ☀️",
      url: "weather.example.com",
      location: "Lisbon",
    });
    expect(raw).toMatch(new RegExp(`^\\{"id":${user.id},"id_str":"${user.id}"`));
    expect(JSON.parse(raw)).toMatchObject({
      name: "Weather Bot",
      screen_name: user.username,
      description: "Forecasts every hour ☀️",
      url: "http://weather.example.com/",
      location: "Lisbon",
      created_at: expect.stringMatching(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d \+0000 \d{4}$/),
    });
    const me = await answer(await call("GET", url("/2/users/me?user.fields=description,location,url"), { oauth1: { consumer: app.consumer, token: writeToken } }));
    expect(me.body.data).toEqual({ id: user.id, username: user.username, name: "Weather Bot", description: "Forecasts every hour ☀️", location: "Lisbon", url: "http://weather.example.com/" });
    const only = JSON.parse(await client().post(url("/1.1/account/update_profile.json"), writeToken, { location: "Porto" })) as Record<string, unknown>;
    expect([only.name, only.location]).toEqual(["Weather Bot", "Porto"]);
  });

  it("refuses too long values (403 code 120), a Read token (code 261), OAuth 2.0 (code 220); counts 50 per 15 minutes", async () => {
    const tooLong = await client()
      .post(url("/1.1/account/update_profile.json"), writeToken, { description: "x".repeat(161) })
      .then(() => null, failure);
    expect(tooLong).toEqual({ status: 403, body: { errors: [{ code: 120, message: "Account update failed: Description is too long (maximum is 160 characters)." }] } });
    const read = await client().post(url("/1.1/account/update_profile.json"), readToken, { name: "nope" }).then(() => null, failure);
    expect(read).toEqual({ status: 403, body: { errors: [{ code: 261, message: "Your App cannot perform write actions." }] } });
    const bearer: Auth = { bearer: await oauth2Token(getDb(), platform.base, app, user.id, "tweet.read users.read") };
    expect((await answer(await call("POST", url("/1.1/account/update_profile.json"), bearer))).body).toEqual({
      errors: [{ code: 220, message: "Your credentials do not allow access to this resource" }],
    });
    const res = await call("POST", url("/1.1/account/update_profile.json?location=Faro"), { oauth1: { consumer: app.consumer, token: writeToken } });
    expect([res.status, res.headers.get("x-rate-limit-limit"), res.headers.get("x-access-level")]).toEqual([200, "50", "read-write"]);
  });
});

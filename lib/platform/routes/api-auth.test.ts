import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { PublicUser } from "@/lib/domain/users";
import {
  answer,
  appOnlyToken,
  call,
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
let writer: PublicUser;
let reader: PublicUser;
const auth: Record<string, Auth> = {};

const UNAUTHORIZED = { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" };
const OAUTH1_PERMISSIONS = {
  title: "Forbidden",
  status: 403,
  detail: "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.",
  type: "https://api.twitter.com/2/problems/oauth1-permissions",
};
const SCOPE_FORBIDDEN = { title: "Forbidden", type: "about:blank", status: 403, detail: "Forbidden" };
const unsupported = (used: string) => ({
  title: "Unsupported Authentication",
  detail: `Authenticating with ${used} is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].`,
  type: "https://api.twitter.com/2/problems/unsupported-authentication",
  status: 403,
});

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  app = await seedApiApp(db, "matrix");
  alice = await seedUser(db, "alice");
  bob = await seedUser(db, "bob");
  // A user has one 3-legged token per App (and one OAuth 2.0 grant): each credential gets its own user.
  writer = await seedUser(db, "writer");
  const o1 = async (userId: string, level?: "read" | "write") => ({ oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, userId, level) } });
  reader = await seedUser(db, "reader");
  auth.o1Read = await o1(reader.id, "read");
  auth.o1Write = await o1(writer.id, "write");
  auth.o1Dm = await o1(alice.id);
  const o2 = async (scope: string) => ({ bearer: await oauth2Token(db, platform.base, app, (await seedUser(db, "o2u")).id, scope) });
  auth.o2Read = await o2("tweet.read users.read");
  auth.o2UsersOnly = await o2("users.read");
  auth.o2Write = await o2("tweet.read tweet.write users.read");
  auth.o2Dm = await o2("dm.read dm.write tweet.read users.read");
  auth.o2DmReadOnly = await o2("dm.read tweet.read users.read");
  auth.appOnly = { bearer: await appOnlyToken(platform.base, app) };
});
afterAll(() => platform.close());

const url = (path: string) => `${platform.base}${path}`;

describe("who may call what (x-access-level on every authenticated answer)", () => {
  it.each([
    ["o1Read", "read"],
    ["o1Write", "read-write"],
    ["o1Dm", "read-write-directmessages"],
    ["o2Read", "read"],
    ["o2Write", "read-write"],
    ["o2Dm", "read-write-directmessages"],
  ])("GET /2/users/me with %s → 200, x-access-level %s", async (name, level) => {
    const res = await answer(await call("GET", url("/2/users/me"), auth[name]!));
    expect(res.status).toBe(200);
    expect(res.level).toBe(level);
    expect(Object.keys(res.body.data as object)).toEqual(["id", "name", "username"]);
  });

  it("GET /2/users/me is user context only: app-only gets unsupported-authentication; users.read alone is not enough", async () => {
    expect(await answer(await call("GET", url("/2/users/me"), auth.appOnly!))).toEqual({
      status: 403,
      level: "read",
      body: unsupported("OAuth 2.0 Application-Only"),
    });
    expect(await answer(await call("GET", url("/2/users/me"), auth.o2UsersOnly!))).toEqual({ status: 403, level: "read", body: SCOPE_FORBIDDEN });
  });

  it("user lookups accept app-only bearer tokens", async () => {
    const byId = await answer(await call("GET", url(`/2/users/${bob.id}`), auth.appOnly!));
    expect(byId).toEqual({ status: 200, level: "read", body: { data: { id: bob.id, name: bob.name, username: bob.username } } });
    const byName = await answer(await call("GET", url(`/2/users/by/username/${bob.username.toUpperCase()}`), auth.o1Read!));
    expect(byName.body).toEqual({ data: { id: bob.id, name: bob.name, username: bob.username } });
  });

  it("POST /2/tweets needs write: OAuth 1.0a read-write or tweet.write", async () => {
    for (const name of ["o1Write", "o1Dm", "o2Write"]) {
      const res = await answer(await call("POST", url("/2/tweets"), auth[name]!, { text: `hello from ${name}` }));
      expect(res.status).toBe(201);
      expect(res.body.data).toEqual({ id: expect.stringMatching(/^[0-9]+$/), text: `hello from ${name}`, edit_history_tweet_ids: [(res.body.data as { id: string }).id] });
    }
    expect(await answer(await call("POST", url("/2/tweets"), auth.o1Read!, { text: "no" }))).toEqual({ status: 403, level: "read", body: OAUTH1_PERMISSIONS });
    expect(await answer(await call("POST", url("/2/tweets"), auth.o2Read!, { text: "no" }))).toEqual({ status: 403, level: "read", body: SCOPE_FORBIDDEN });
    expect(await answer(await call("POST", url("/2/tweets"), auth.appOnly!, { text: "no" }))).toEqual({
      status: 403,
      level: "read",
      body: unsupported("OAuth 2.0 Application-Only"),
    });
  });

  it("GET /2/tweets/:id works with every type; DELETE only for the author", async () => {
    const created = await answer(await call("POST", url("/2/tweets"), auth.o1Write!, { text: "to look up" }));
    const id = (created.body.data as { id: string }).id;
    for (const name of ["o1Read", "o2Read", "appOnly"]) {
      const res = await answer(await call("GET", url(`/2/tweets/${id}?tweet.fields=author_id,source,created_at`), auth[name]!));
      expect(res.body.data).toMatchObject({ id, text: "to look up", author_id: writer.id, source: app.app.name });
    }
    expect((await answer(await call("DELETE", url(`/2/tweets/${id}`), auth.o2Write!))).status).toBe(403); // another user
    expect((await answer(await call("DELETE", url(`/2/tweets/${id}`), auth.o1Read!))).body).toEqual(OAUTH1_PERMISSIONS);
    expect(await answer(await call("DELETE", url(`/2/tweets/${id}`), auth.o1Write!))).toEqual({ status: 200, level: "read-write", body: { data: { deleted: true } } });
  });

  it("Direct Messages need OAuth 1.0a Read, write and Direct Messages, or dm.* scopes", async () => {
    const send = (name: string) => call("POST", url(`/2/dm_conversations/with/${bob.id}/messages`), auth[name]!, { text: `dm via ${name}` });
    const ok = await answer(await send("o1Dm"));
    expect(ok.status).toBe(201);
    expect(ok.level).toBe("read-write-directmessages");
    expect(ok.body.data).toEqual({ dm_conversation_id: [alice.id, bob.id].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)).join("-"), dm_event_id: expect.any(String) });
    expect((await answer(await send("o2Dm"))).status).toBe(201);
    expect(await answer(await send("o1Write"))).toEqual({ status: 403, level: "read-write", body: OAUTH1_PERMISSIONS });
    expect(await answer(await send("o2Write"))).toEqual({ status: 403, level: "read-write", body: SCOPE_FORBIDDEN });
    expect(await answer(await send("o2DmReadOnly"))).toEqual({ status: 403, level: "read-write-directmessages", body: SCOPE_FORBIDDEN });
    expect((await answer(await send("appOnly"))).body).toEqual(unsupported("OAuth 2.0 Application-Only"));

    const list = await answer(await call("GET", url("/2/dm_events"), auth.o1Dm!));
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({ event_type: "MessageCreate", text: "dm via o1Dm", sender_id: alice.id, dm_conversation_id: ok.body.data && (ok.body.data as { dm_conversation_id: string }).dm_conversation_id }),
    ]);
    expect((await answer(await call("GET", url("/2/dm_events"), auth.o2DmReadOnly!))).status).toBe(200);
    expect((await answer(await call("GET", url("/2/dm_events"), auth.o1Read!))).body).toEqual(OAUTH1_PERMISSIONS);
    expect((await answer(await call("GET", url("/2/dm_events"), auth.o2Read!))).body).toEqual(SCOPE_FORBIDDEN);
  });

  it("no credential, an unknown bearer or a forged signature → 401", async () => {
    expect(await answer(await call("GET", url("/2/users/me"), null))).toEqual({ status: 401, level: null, body: UNAUTHORIZED });
    expect(await answer(await call("GET", url("/2/users/me"), { bearer: "AAAAAAAAAAAAAAAAAAAAAnope" }))).toEqual({ status: 401, level: null, body: UNAUTHORIZED });
    const forged = { oauth1: { consumer: { ...app.consumer, secret: "x".repeat(50) }, token: (auth.o1Read as { oauth1: { token: { key: string; secret: string } } }).oauth1.token } };
    expect(await answer(await call("GET", url("/2/users/me"), forged))).toEqual({ status: 401, level: null, body: UNAUTHORIZED });
  });

  it("GET /1.1/account/verify_credentials.json: OAuth 1.0a only; email only with include_email=true and the email permission", async () => {
    const me = await call("GET", url("/1.1/account/verify_credentials.json?include_email=true"), auth.o1Read!);
    expect(me.headers.get("x-access-level")).toBe("read");
    expect(me.headers.get("x-rate-limit-limit")).toBe("75");
    expect(await me.json()).toEqual({ id: Number(reader.id), id_str: reader.id, screen_name: reader.username, name: reader.name, email: reader.email });
    const plain = await call("GET", url("/1.1/account/verify_credentials.json"), auth.o1Read!);
    expect(await plain.json()).not.toHaveProperty("email");
    expect(await answer(await call("GET", url("/1.1/account/verify_credentials.json"), auth.appOnly!))).toEqual({
      status: 403,
      level: null,
      body: { errors: [{ code: 220, message: "Your credentials do not allow access to this resource" }] },
    });
    expect((await answer(await call("GET", url("/1.1/account/verify_credentials.json"), null))).body).toEqual({ errors: [{ code: 215, message: "Bad Authentication data." }] });
  });
});

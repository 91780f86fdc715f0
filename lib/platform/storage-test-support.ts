import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dmEvents } from "@/db/schema";
import { currentBearerToken, revokeBearerToken } from "@/lib/domain/app-credentials";
import { createGroupConversation } from "@/lib/domain/dms";
import { approveRequestToken } from "@/lib/domain/oauth1";
import { findRequestToken } from "@/lib/domain/oauth1/request-tokens";
import { resolveBearer, resolveBearerCredential } from "@/lib/domain/oauth2/resolve";
import { approveAndGetCode, authorizeParams, REDIRECT, VERIFIER } from "@/lib/domain/oauth2/test-helpers";
import { createTweet, getTweet } from "@/lib/domain/tweets";
import { findOAuth1AccessToken } from "@/lib/domain/user-tokens";
import type { ErrorShape } from "./errors/shapes";
import { call, oauth1Token, seedApiApp, seedUser, type ApiApp, type Auth } from "./routes/api-test-support";
import { formOf, oauth1aClient, type Credentials } from "./routes/oauth1-test-support";

/**
 * Test support for storage failures: one of every platform write, ready to send once, and how to
 * check that a success was really stored. Used by storage-failure.test.ts (in process) and
 * full-disk.test.ts (the platform in a process whose disk fills up).
 */
export interface WriteFixture {
  app: ApiApp;
  /** A second App whose bearer token is there to invalidate. */
  other: ApiApp;
  users: { id: string }[];
  o1: Auth & { oauth1: { consumer: Credentials; token: Credentials } };
  o2: { access: string; refresh: string };
  /** Another user's OAuth 2.0 token (tweet.write) that no write in the list touches. */
  spare: string;
  code: string;
  requestToken: { token: string; secret: string; pin: string };
  tweetId: string;
  groupId: string;
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
const form = (url: string, body: Record<string, string>, authorization: string) =>
  fetch(url, { method: "POST", headers: { authorization, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body) });

/** Seeds through the domain and gets tokens over HTTP from the platform at `base`. */
export async function seedWriteFixture(db: Db, base: string): Promise<WriteFixture> {
  const app = await seedApiApp(db, "stw");
  const other = await seedApiApp(db, "stx");
  const users = [await seedUser(db, "stu"), await seedUser(db, "stv"), await seedUser(db, "stz")];
  const o1 = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, base, app, users[0]!.id) } };
  const exchange = async (userId: string) => {
    const scope = "tweet.read tweet.write users.read dm.read dm.write offline.access";
    const code = approveAndGetCode(db, userId, authorizeParams(app.app.clientId, { scope }));
    const res = await form(`${base}/2/oauth2/token`, { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, basic(app.app.clientId, app.clientSecret));
    return (await res.json()) as { access_token: string; refresh_token: string };
  };
  const tokens = await exchange(users[0]!.id);
  const spare = (await exchange(users[2]!.id)).access_token;
  const [rtUrl, rtInit] = oauth1aClient(app.consumer).sign("POST", `${base}/oauth/request_token`, { oauth_callback: "oob" });
  const rt = formOf(await (await fetch(rtUrl, rtInit)).text());
  const approved = approveRequestToken(db, { rawToken: rt.oauth_token!, userId: users[1]!.id });
  if (approved.kind !== "pin") throw new Error(`expected a PIN, got ${approved.kind}`);
  revokeBearerToken(db, app.app.id); // client_credentials must then issue (a write)
  return {
    app,
    other,
    users,
    o1,
    o2: { access: tokens.access_token, refresh: tokens.refresh_token },
    spare,
    code: approveAndGetCode(db, users[1]!.id, authorizeParams(app.app.clientId)),
    requestToken: { token: rt.oauth_token!, secret: rt.oauth_token_secret!, pin: approved.pin },
    tweetId: createTweet(db, { authorId: users[0]!.id, app: app.app, text: "to delete" }).id,
    groupId: createGroupConversation(db, { senderId: users[0]!.id, participantIds: [users[1]!.id, users[2]!.id], text: "group" }).conversationId,
  };
}

export interface PlatformWrite {
  name: string;
  family: ErrorShape;
  send: () => Promise<Response>;
  /** For a success: was what it acknowledged stored? (`body` is the parsed answer.) */
  stored: (db: Db, body: Record<string, unknown>) => boolean;
}

const dataOf = (body: Record<string, unknown>) => body.data as Record<string, string>;
const dmStored = (db: Db, body: Record<string, unknown>) =>
  Boolean(db.select().from(dmEvents).where(eq(dmEvents.id, dataOf(body).dm_event_id!)).get());

/** Every platform endpoint that writes, each sent at most once per fixture. */
export function platformWrites(f: WriteFixture, base: string): PlatformWrite[] {
  const url = (p: string) => `${base}${p}`;
  const bearer = { bearer: f.o2.access };
  const signed = (method: string, path: string, data: Record<string, string>, token?: Credentials) => {
    const [u, init] = oauth1aClient(f.app.consumer).sign(method, url(path), data, token);
    return fetch(u, init);
  };
  const [, u1, u2] = f.users.map((u) => u.id);
  const writes: PlatformWrite[] = [
    { name: "POST /2/tweets", family: "v2", send: () => call("POST", url("/2/tweets"), bearer, { text: "storage" }), stored: (db, b) => Boolean(getTweet(db, dataOf(b).id!)) },
    { name: "DELETE /2/tweets/:id", family: "v2", send: () => call("DELETE", url(`/2/tweets/${f.tweetId}`), bearer), stored: (db) => !getTweet(db, f.tweetId) },
    { name: "POST /2/dm_conversations/with/:id/messages", family: "v2", send: () => call("POST", url(`/2/dm_conversations/with/${u1}/messages`), bearer, { text: "hi" }), stored: dmStored },
    {
      name: "POST /2/dm_conversations",
      family: "v2",
      send: () => call("POST", url("/2/dm_conversations"), bearer, { conversation_type: "Group", participant_ids: [u1, u2], message: { text: "hi" } }),
      stored: dmStored,
    },
    { name: "POST /2/dm_conversations/:id/messages", family: "v2", send: () => call("POST", url(`/2/dm_conversations/${f.groupId}/messages`), bearer, { text: "hi" }), stored: dmStored },
    // OAuth 1.0a reads record their nonce (replay protection): without it they cannot be answered.
    { name: "GET /2/users/me (OAuth 1.0a)", family: "v2", send: () => call("GET", url("/2/users/me"), f.o1), stored: () => true },
    { name: "GET /1.1/account/verify_credentials.json", family: "v1", send: () => call("GET", url("/1.1/account/verify_credentials.json"), f.o1), stored: () => true },
    { name: "POST /oauth/request_token", family: "v1", send: () => signed("POST", "/oauth/request_token", { oauth_callback: "oob" }), stored: (db, b) => Boolean(findRequestToken(db, String(b.oauth_token))) },
    {
      name: "POST /oauth/access_token",
      family: "v1",
      send: () => signed("POST", "/oauth/access_token", { oauth_verifier: f.requestToken.pin }, { key: f.requestToken.token, secret: f.requestToken.secret }),
      stored: (db, b) => Boolean(findOAuth1AccessToken(db, String(b.oauth_token))),
    },
    { name: "POST /1.1/oauth/invalidate_token", family: "v1", send: () => signed("POST", "/1.1/oauth/invalidate_token", {}, f.o1.oauth1.token), stored: (db) => !findOAuth1AccessToken(db, f.o1.oauth1.token.key) },
    {
      name: "POST /2/oauth2/token (authorization_code)",
      family: "oauth2",
      send: () => form(url("/2/oauth2/token"), { grant_type: "authorization_code", code: f.code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, basic(f.app.app.clientId, f.app.clientSecret)),
      stored: (db, b) => Boolean(resolveBearerCredential(db, String(b.access_token))),
    },
    {
      name: "POST /2/oauth2/token (refresh_token)",
      family: "oauth2",
      send: () => form(url("/2/oauth2/token"), { grant_type: "refresh_token", refresh_token: f.o2.refresh }, basic(f.app.app.clientId, f.app.clientSecret)),
      stored: (db, b) => Boolean(resolveBearerCredential(db, String(b.access_token))),
    },
    {
      name: "POST /2/oauth2/revoke",
      family: "oauth2",
      send: () => form(url("/2/oauth2/revoke"), { token: f.o2.access }, basic(f.app.app.clientId, f.app.clientSecret)),
      stored: (db) => !resolveBearerCredential(db, f.o2.access),
    },
    {
      name: "POST /oauth2/token (client_credentials)",
      family: "v1",
      send: () => form(url("/oauth2/token"), { grant_type: "client_credentials" }, basic(f.app.consumer.key, f.app.consumer.secret)),
      stored: (db, b) => currentBearerToken(db, f.app.app.id) === b.access_token,
    },
    {
      name: "POST /oauth2/invalidate_token",
      family: "v1",
      send: () => form(url("/oauth2/invalidate_token"), { access_token: f.other.secrets.bearerToken }, basic(f.other.consumer.key, f.other.consumer.secret)),
      stored: (db) => !resolveBearer(db, f.other.secrets.bearerToken),
    },
  ];
  return writes;
}

/** The answer's body: JSON, or an OAuth 1.0a form body as an object. */
export async function bodyOf(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return formOf(text);
  }
}

/** What a refused write answers in each family (503, Retry-After checked by the caller). */
export const UNAVAILABLE: Record<ErrorShape, (body: Record<string, unknown>) => boolean> = {
  v2: (b) => b.status === 503 && b.title === "Service Unavailable" && b.type === "about:blank",
  oauth2: (b) => b.error === "temporarily_unavailable" && typeof b.error_description === "string",
  v1: (b) => (b.errors as Array<{ code: number }> | undefined)?.[0]?.code === 130,
};

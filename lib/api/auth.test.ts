import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { seedApp, seedDeveloper, type SeededApp } from "@/db/test-seed";
import { signedFacts } from "@/lib/domain/oauth1/testing";
import { approveAndGetCode, authorizeParams, REDIRECT, VERIFIER } from "@/lib/domain/oauth2/test-helpers";
import { exchangeAuthorizationCode } from "@/lib/domain/oauth2/tokens";
import { issueOAuth1AccessToken } from "@/lib/domain/user-tokens";
import type { OAuth1RequestFacts } from "@/lib/oauth1";
import { authenticateApiRequest } from "./auth";
import { ENDPOINTS, type EndpointSpec } from "./endpoints";

let db: Db;
let seeded: SeededApp;
let userId: string;

beforeAll(async () => {
  db = createTestDb();
  seeded = await seedApp(db, "resolver", {
    settings: { oauth1Enabled: true, oauth2Enabled: true, appType: "native", permission: "read-write", callbackUrls: [REDIRECT] },
  });
  userId = (await seedDeveloper(db, "resolveruser")).user.id;
});

const setApp = (values: Partial<typeof apps.$inferInsert>) => db.update(apps).set(values).where(eq(apps.id, seeded.app.id)).run();
const consumer = () => ({ key: seeded.secrets.apiKey, secret: seeded.secrets.apiKeySecret });

function oauth1Facts(level: "read" | "read-write", path = "/2/users/me"): OAuth1RequestFacts {
  const { token, secret } = issueOAuth1AccessToken(db, { appId: seeded.app.id, userId, accessLevel: level, source: "portal" });
  return signedFacts({ consumer: consumer(), token: { key: token, secret }, method: "GET", path });
}

function bearerFacts(token: string): OAuth1RequestFacts {
  return { method: "GET", url: "http://127.0.0.1:3000/2/users/me", headers: new Headers({ authorization: `Bearer ${token}` }) };
}

function oauth2Facts(scope: string): OAuth1RequestFacts {
  const code = approveAndGetCode(db, userId, authorizeParams(seeded.app.clientId, { scope }));
  return bearerFacts(exchangeAuthorizationCode(db, seeded.app, { code, redirectUri: REDIRECT, codeVerifier: VERIFIER }).access_token);
}

const outcome = (facts: OAuth1RequestFacts, spec: EndpointSpec) => {
  const r = authenticateApiRequest(db, facts, spec);
  return r.ok ? { ok: true, level: r.caller.accessLevel, type: r.caller.type } : { ok: false, status: r.error.status, body: r.error.body, level: r.caller?.accessLevel };
};

describe("authenticateApiRequest", () => {
  it("OAuth 1.0a: the token's level decides, and is reported on refusals too", () => {
    expect(outcome(oauth1Facts("read"), ENDPOINTS.usersMe)).toEqual({ ok: true, level: "read", type: "oauth1" });
    expect(outcome(oauth1Facts("read", "/2/tweets"), ENDPOINTS.createTweet)).toMatchObject({ ok: false, status: 403, level: "read", body: { type: expect.stringMatching(/oauth1-permissions$/) } });
    expect(outcome(oauth1Facts("read-write", "/2/tweets"), ENDPOINTS.createTweet)).toEqual({ ok: true, level: "read-write", type: "oauth1" });
  });

  it("OAuth 2.0 user tokens: scopes decide; the level comes from the scopes", () => {
    expect(outcome(oauth2Facts("tweet.read users.read tweet.write"), ENDPOINTS.createTweet)).toEqual({ ok: true, level: "read-write", type: "oauth2-user" });
    expect(outcome(oauth2Facts("tweet.read users.read"), ENDPOINTS.dmEvents)).toMatchObject({ ok: false, status: 403, level: "read", body: { detail: "Forbidden" } });
  });

  it("v1.1: a bearer token is 220 (89 when unknown), a missing signature 215", () => {
    expect(outcome(oauth2Facts("tweet.read users.read"), ENDPOINTS.verifyCredentials)).toMatchObject({ status: 403, body: { errors: [{ code: 220 }] } });
    expect(outcome(bearerFacts("nope"), ENDPOINTS.verifyCredentials)).toMatchObject({ status: 401, body: { errors: [{ code: 89 }] } });
    const unsigned = { method: "GET", url: "http://127.0.0.1:3000/1.1/account/verify_credentials.json", headers: new Headers() };
    expect(outcome(unsigned, ENDPOINTS.verifyCredentials)).toMatchObject({ status: 400, body: { errors: [{ code: 215 }] } });
    expect(outcome(unsigned, ENDPOINTS.usersMe)).toMatchObject({ status: 401, body: { title: "Unauthorized" } });
  });

  it("order: suspended before not-enrolled before unsupported type", () => {
    const facts = oauth2Facts("tweet.read users.read");
    setApp({ projectId: null });
    expect(outcome(facts, ENDPOINTS.usersMe)).toMatchObject({ status: 403, body: { reason: "client-not-enrolled" } });
    setApp({ status: "suspended" });
    expect(outcome(facts, ENDPOINTS.usersMe)).toMatchObject({ status: 403, body: { reason: "client-suspended", client_id: seeded.app.id } });
    expect(outcome(oauth1Facts("read"), ENDPOINTS.usersMe)).toMatchObject({ status: 403, body: { reason: "client-suspended" } });
    expect(outcome(oauth1Facts("read", "/1.1/account/verify_credentials.json"), ENDPOINTS.verifyCredentials)).toMatchObject({ status: 401, body: { errors: [{ code: 416 }] } });
    setApp({ status: "active", projectId: seeded.projectId });
    expect(outcome(facts, ENDPOINTS.usersMe)).toEqual({ ok: true, level: "read", type: "oauth2-user" });
  });
});

import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apps } from "@/db/schema";
import { SEED_PASSWORD, seedDeveloper, seedProject } from "@/db/test-seed";
import { configureApiRateLimits } from "@/lib/api/rate-limit";
import { attachApp } from "@/lib/domain/app-placement";
import { setManagingAccount } from "@/lib/domain/automation";
import { getAuthSettings, updateAuthSettings } from "@/lib/domain/auth-settings";
import { listConnectedApps, revokeConnectedApp } from "@/lib/domain/connected-apps";
import { answer, appOnlyToken, call, oauth1Token, oauth2Token, seedApiApp, seedUser, startPlatform, type Auth } from "./api-test-support";

let platform: { base: string; close: () => Promise<void> };
const url = (path: string) => `${platform.base}${path}`;
const UNAUTHORIZED = { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" };
const CODE_89 = { errors: [{ code: 89, message: "Invalid or expired token." }] };

beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.close());
afterEach(() => configureApiRateLimits(null));

async function appWithTokens(prefix: string, opts: { standalone?: boolean } = {}) {
  const db = getDb();
  const app = await seedApiApp(db, prefix, opts);
  const user = await seedUser(db, `${prefix}u`);
  const o1: Auth = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, user.id) } };
  const o2: Auth = { bearer: await oauth2Token(db, platform.base, app, user.id, "tweet.read users.read tweet.write dm.read dm.write offline.access") };
  return { db, app, user, o1, o2 };
}

describe("App lifecycle and the tokens it issued", () => {
  it("a Standalone App gets client-not-enrolled on /2/*, keeps v1.1, and works once attached to a Project", async () => {
    const { db, app, o1, o2 } = await appWithTokens("solo", { standalone: true });
    const bearer: Auth = { bearer: await appOnlyToken(platform.base, app) };
    const notEnrolled = {
      client_id: app.app.id,
      detail:
        "When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.",
      registration_url: "https://developer.twitter.com/en/docs/projects/overview",
      title: "Client Forbidden",
      required_enrollment: "Appropriate Level of API Access",
      reason: "client-not-enrolled",
      type: "https://api.twitter.com/2/problems/client-forbidden",
    };
    for (const auth of [o1, o2, bearer]) {
      const res = await answer(await call("GET", url(`/2/users/${app.user.id}`), auth));
      expect([res.status, res.body]).toEqual([403, notEnrolled]);
    }
    expect((await call("GET", url("/1.1/account/verify_credentials.json"), o1)).status).toBe(200);

    attachApp(db, app.actor, { appId: app.app.id, projectId: seedProject(db, app.account.id) });
    for (const auth of [o1, o2, bearer]) expect((await call("GET", url(`/2/users/${app.user.id}`), auth)).status).toBe(200);
  });

  it("changing the OAuth 1.0a permission discards every user token (OAuth 1.0a and 2.0)", async () => {
    const { db, app, o1, o2 } = await appWithTokens("perm");
    expect((await call("GET", url("/2/users/me"), o1)).status).toBe(200);
    const settings = getAuthSettings(db, app.actor, { appId: app.app.id });
    const result = updateAuthSettings(db, app.actor, { ...settings, permission: "read-write", callbackUrls: settings.callbackUrls.map((u) => ({ url: u })) });
    expect(result.tokensDiscarded).toBe(true);
    expect(await answer(await call("GET", url("/2/users/me"), o1))).toEqual({ status: 401, level: null, body: UNAUTHORIZED });
    expect(await answer(await call("GET", url("/2/users/me"), o2))).toEqual({ status: 401, level: null, body: UNAUTHORIZED });
    expect(await answer(await call("GET", url("/1.1/account/verify_credentials.json"), o1))).toEqual({ status: 401, level: null, body: CODE_89 });
  });

  it("Revoke access on Connected apps ends the App's tokens for that user only", async () => {
    const { db, app, user, o1, o2 } = await appWithTokens("revk");
    const other = await seedUser(db, "revko");
    const otherToken: Auth = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, other.id) } };
    const actor = { userId: user.id, isOperator: false };
    expect(listConnectedApps(db, actor).map((c) => [c.app.id, c.oauth1AccessLevel, c.oauth2Scopes.length])).toEqual([[app.app.id, "read-write-directmessages", 6]]);

    expect(() => revokeConnectedApp(db, { userId: app.user.id, isOperator: false }, { appId: app.app.id })).toThrow("not connected");
    expect(revokeConnectedApp(db, actor, { appId: app.app.id })).toEqual({ appName: app.app.name });
    expect(listConnectedApps(db, actor)).toEqual([]);
    expect((await answer(await call("GET", url("/2/users/me"), o1))).body).toEqual(UNAUTHORIZED);
    expect((await answer(await call("POST", url("/2/tweets"), o2, { text: "after revoke" }))).body).toEqual(UNAUTHORIZED);
    expect((await answer(await call("GET", url("/1.1/account/verify_credentials.json"), o1))).body).toEqual(CODE_89);
    expect((await call("GET", url("/2/users/me"), otherToken)).status).toBe(200);
  });

  it("a suspended App is refused: v2 403 client-forbidden, v1.1 code 416", async () => {
    const { db, app, o1, o2 } = await appWithTokens("susp");
    const bearer: Auth = { bearer: await appOnlyToken(platform.base, app) };
    db.update(apps).set({ status: "suspended", suspendedReason: "spam" }).where(eq(apps.id, app.app.id)).run();
    for (const auth of [o1, o2, bearer]) {
      const res = await answer(await call("GET", url(`/2/users/${app.user.id}`), auth));
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ client_id: app.app.id, title: "Client Forbidden", type: "https://api.twitter.com/2/problems/client-forbidden", status: 403 });
    }
    expect(await answer(await call("GET", url("/1.1/account/verify_credentials.json"), o1))).toEqual({
      status: 401,
      level: null,
      body: { errors: [{ code: 416, message: "Invalid / suspended App." }] },
    });
  });
});

describe("users/me answers the same whoever's credential", () => {
  it("OAuth 2.0 (profile read with the token) and OAuth 1.0a (profile read after) give the same user, automated_by included", async () => {
    const { db, user, o1, o2 } = await appWithTokens("same");
    const manager = await seedDeveloper(db, `mgr${user.username.slice(-6)}`);
    await setManagingAccount(db, { userId: user.id, isOperator: false }, { managerUsername: manager.user.username, managerPassword: SEED_PASSWORD });
    const fields = "?user.fields=created_at,description,protected,url,verified,confirmed_email";
    const viaO2 = await answer(await call("GET", url(`/2/users/me${fields}`), o2));
    const viaO1 = await answer(await call("GET", url(`/2/users/me${fields}`), o1));
    expect(viaO2.status).toBe(200);
    // Only the e-mail differs, by X's rules: the App has the OAuth 1.0a email permission, the
    // OAuth 2.0 token has no users.email scope.
    const { confirmed_email: email, ...o1Data } = viaO1.body.data as Record<string, unknown>;
    expect(email).toBe(user.email);
    expect(viaO2.body).toEqual({ data: o1Data });
    expect(viaO2.body.data).toMatchObject({
      id: user.id,
      username: user.username,
      name: user.name,
      description: "",
      protected: false,
      automated_by: { id: manager.user.id, username: manager.user.username },
    });
    expect(new Date(String((viaO2.body.data as { created_at: string }).created_at)).getTime()).toBeGreaterThan(0);
  });
});

describe("rate limits", () => {
  it("count down per (App, user), answer X's 429 when spent, and reset with the window", async () => {
    configureApiRateLimits({ windowS: 2, limit: 3 });
    const { db, app, o1 } = await appWithTokens("rate");
    const started = Math.floor(Date.now() / 1000);
    const seen: [number, string | null, string | null][] = [];
    let reset = 0;
    for (let i = 0; i < 4; i++) {
      const res = await call("GET", url("/2/users/me"), o1);
      seen.push([res.status, res.headers.get("x-rate-limit-limit"), res.headers.get("x-rate-limit-remaining")]);
      reset = Number(res.headers.get("x-rate-limit-reset"));
      if (i === 3) expect(await res.json()).toEqual({ title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 });
    }
    expect(seen).toEqual([[200, "3", "2"], [200, "3", "1"], [200, "3", "0"], [429, "3", "0"]]);
    expect(reset).toBeGreaterThanOrEqual(started + 1);
    expect(reset).toBeLessThanOrEqual(started + 3);

    // Separate pools: another user of the App, and the App's app-only token on a lookup.
    const other = await seedUser(db, "rateo");
    const otherAuth: Auth = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, other.id) } };
    expect((await call("GET", url("/2/users/me"), otherAuth)).headers.get("x-rate-limit-remaining")).toBe("2");
    const bearer: Auth = { bearer: await appOnlyToken(platform.base, app) };
    for (let i = 0; i < 3; i++) await call("GET", url(`/2/users/${other.id}`), o1);
    expect((await call("GET", url(`/2/users/${other.id}`), o1)).status).toBe(429);
    expect((await call("GET", url(`/2/users/${other.id}`), bearer)).status).toBe(200);

    await new Promise((r) => setTimeout(r, Math.max(0, reset * 1000 - Date.now()) + 100));
    const after = await call("GET", url("/2/users/me"), o1);
    expect([after.status, after.headers.get("x-rate-limit-remaining")]).toEqual([200, "2"]);
  });

  it("v1.1 answers code 88 when spent", async () => {
    configureApiRateLimits({ windowS: 60, limit: 1 });
    const { o1 } = await appWithTokens("rate1");
    expect((await call("GET", url("/1.1/account/verify_credentials.json"), o1)).status).toBe(200);
    expect(await answer(await call("GET", url("/1.1/account/verify_credentials.json"), o1))).toEqual({
      status: 429,
      level: "read-write-directmessages",
      body: { errors: [{ code: 88, message: "Rate limit exceeded" }] },
    });
  });
});

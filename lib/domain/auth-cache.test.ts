import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps, users } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import type { Actor } from "./actor";
import { currentBearerToken, findClient, findConsumer, verifyClientSecret, type App } from "./app-credentials";
import { authCacheSizes, EPOCH_TABLES, writeOutsideCache } from "./auth-cache";
import { updateAuthSettings } from "./auth-settings";
import { deleteApp } from "./apps";
import { revokeConnectedApp } from "./connected-apps";
import { regenerateApiKey, regenerateBearerToken, regenerateClientSecret } from "./keys";
import { authenticateConsumer } from "./oauth2/app-only";
import { authenticateClient } from "./oauth2/clients";
import { introspectToken } from "./oauth2/introspect";
import { resolveBearer, resolveBearerCredential, resolveOAuth2AccessToken } from "./oauth2/resolve";
import { approveAndGetCode, authorizeParams, REDIRECT, seedOAuth2App, VERIFIER } from "./oauth2/test-helpers";
import { consumeNonce } from "./oauth1/nonces";
import { exchangeAuthorizationCode, revokeToken } from "./oauth2/tokens";
import { reinstateApp, suspendApp } from "./operator";
import { findProfileById } from "./profiles";
import { findOAuth1AccessToken, issueOAuth1AccessToken } from "./user-tokens";

const OPERATOR: Actor = { userId: "cli", isOperator: true };
/** The next request: a later turn of the event loop. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

let db: Db;
let s: Awaited<ReturnType<typeof seedOAuth2App>>;
let app: App;
let access: string;
let oauth1: { token: string; secret: string };

beforeEach(async () => {
  db = createTestDb();
  s = await seedOAuth2App(db, "web");
  db.update(apps).set({ oauth1Enabled: true, permission: "read-write" }).where(eq(apps.id, s.app.id)).run();
  app = db.select().from(apps).where(eq(apps.id, s.app.id)).get()!;
  const code = approveAndGetCode(db, s.user.id, authorizeParams(app.clientId));
  access = exchangeAuthorizationCode(db, app, { code, redirectUri: REDIRECT, codeVerifier: VERIFIER }).access_token;
  oauth1 = issueOAuth1AccessToken(db, { appId: app.id, userId: s.user.id, accessLevel: "read-write", source: "oauth" });
});

const basic = (id: string, secret: string) => ({ kind: "basic" as const, id, secret });

/** Every credential of the App and its user, looked up twice so that the second answer comes from memory. */
function warm(): void {
  for (let i = 0; i < 2; i++) {
    expect(resolveBearerCredential(db, access)?.user?.id).toBe(s.user.id);
    expect(resolveBearer(db, s.secrets.bearerToken)?.app.id).toBe(app.id);
    expect(findConsumer(db, s.secrets.apiKey)?.app.id).toBe(app.id);
    expect(currentBearerToken(db, app.id)).toBe(s.secrets.bearerToken);
    expect(findClient(db, app.clientId)?.id).toBe(app.id);
    expect(verifyClientSecret(db, app.id, s.clientSecret!)).toBe(true);
    expect(findOAuth1AccessToken(db, oauth1.token)?.userId).toBe(s.user.id);
    expect(findProfileById(db, s.user.id)?.name).toBe(s.user.name);
  }
}

/** `check` holds on the lookup right after the change (same turn) and on the next request. */
async function holdsNowAndNext(check: () => void): Promise<void> {
  check();
  await nextTurn();
  check();
}

describe("authentication cache", () => {
  it("answers repeated lookups from memory, and trusts nothing but the epoch to say they changed", async () => {
    warm();
    expect(authCacheSizes(db)).toMatchObject({ "OAuth 2.0 access tokens": 1, "consumer keys": 1, "OAuth 1.0a access tokens": 1, profiles: 1 });
    // A change behind the cache's back (its trigger dropped: the epoch does not move) is not seen…
    db.$client.exec("DROP TRIGGER oauth2_tokens_auth_epoch_update");
    db.$client.prepare("UPDATE oauth2_tokens SET revoked_at = 1").run();
    await nextTurn();
    expect(resolveOAuth2AccessToken(db, access)).not.toBeNull();
    // …until the epoch moves, whoever moves it.
    db.$client.prepare("UPDATE auth_epoch SET n = n + 1").run();
    expect(resolveOAuth2AccessToken(db, access)).toBeNull();
  });

  it("every table a cached answer is read from carries its epoch triggers; without them the cache stays off", async () => {
    const triggers = db.$client.prepare("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%auth_epoch%'").all();
    expect(triggers).toHaveLength(2 * EPOCH_TABLES.length);
    for (const table of EPOCH_TABLES) expect(triggers).toContainEqual({ tbl_name: table, name: `${table}_auth_epoch_update` });

    const rebuilt = createTestDb(); // as if a migration had rebuilt a table and lost its triggers
    rebuilt.$client.exec("DROP TRIGGER users_auth_epoch_update");
    const seeded = await seedOAuth2App(rebuilt, "web");
    expect(findProfileById(rebuilt, seeded.user.id)?.name).toBe(seeded.user.name);
    rebuilt.update(users).set({ name: "Renamed" }).where(eq(users.id, seeded.user.id)).run();
    await nextTurn();
    expect(findProfileById(rebuilt, seeded.user.id)?.name).toBe("Renamed");
    expect(authCacheSizes(rebuilt)).toEqual({});
  });

  it("without its epoch row the cache answers nothing from memory", async () => {
    warm();
    await nextTurn();
    db.$client.exec("DELETE FROM auth_epoch; UPDATE oauth2_tokens SET revoked_at = 1");
    expect(resolveOAuth2AccessToken(db, access)).toBeNull();
    expect(resolveOAuth2AccessToken(db, access)).toBeNull();
    await nextTurn();
    expect(resolveOAuth2AccessToken(db, access)).toBeNull();
  });

  it("revocation: an OAuth 2.0 access token revoked (RFC 7009) stops on the next lookup", async () => {
    warm();
    revokeToken(db, app, access);
    await holdsNowAndNext(() => {
      expect(resolveBearerCredential(db, access)).toBeNull();
      expect(introspectToken(db, app, access)).toEqual({ active: false });
    });
  });

  it("revocation: Connected apps → Revoke access ends the user's OAuth 2.0 and OAuth 1.0a tokens on the next lookup", async () => {
    warm();
    revokeConnectedApp(db, { userId: s.user.id, isOperator: false }, { appId: app.id });
    await holdsNowAndNext(() => {
      expect(resolveOAuth2AccessToken(db, access)).toBeNull();
      expect(findOAuth1AccessToken(db, oauth1.token)).toBeNull();
    });
  });

  it("suspension and reinstatement show on the next lookup of every credential", async () => {
    warm();
    suspendApp(db, OPERATOR, { appId: app.id, reason: "Spam" });
    await holdsNowAndNext(() => {
      expect(resolveOAuth2AccessToken(db, access)?.app.status).toBe("suspended");
      expect(findOAuth1AccessToken(db, oauth1.token)).not.toBeNull();
      expect(findConsumer(db, s.secrets.apiKey)?.app.status).toBe("suspended");
      expect(authenticateConsumer(db, basic(s.secrets.apiKey, s.secrets.apiKeySecret))).toBeNull();
      expect(() => authenticateClient(db, { basic: basic(app.clientId, s.clientSecret!) })).toThrow();
    });
    reinstateApp(db, OPERATOR, app.id);
    await holdsNowAndNext(() => {
      expect(resolveOAuth2AccessToken(db, access)?.app.status).toBe("active");
      expect(authenticateConsumer(db, basic(s.secrets.apiKey, s.secrets.apiKeySecret))?.id).toBe(app.id);
      expect(authenticateClient(db, { basic: basic(app.clientId, s.clientSecret!) }).id).toBe(app.id);
    });
  });

  it("permission change: every user token of the App stops and the App's new permission is read on the next lookup", async () => {
    warm();
    updateAuthSettings(db, s.actor, {
      appId: app.id,
      oauth1Enabled: true,
      oauth2Enabled: true,
      permission: "read",
      requestEmail: false,
      appType: "web",
      callbackUrls: app.callbackUrls.map((url) => ({ url })),
      websiteUrl: "",
      termsUrl: "",
      privacyUrl: "",
      signInWithX: true,
    });
    await holdsNowAndNext(() => {
      expect(resolveOAuth2AccessToken(db, access)).toBeNull();
      expect(findOAuth1AccessToken(db, oauth1.token)).toBeNull();
      expect(findConsumer(db, s.secrets.apiKey)?.app.permission).toBe("read");
    });
  });

  it("key regeneration: the old API Key, bearer token and Client Secret stop on the next lookup, the new ones work", async () => {
    warm();
    const consumer = regenerateApiKey(db, s.actor, { appId: app.id });
    const { bearerToken } = regenerateBearerToken(db, s.actor, { appId: app.id });
    const { clientSecret } = regenerateClientSecret(db, s.actor, { appId: app.id });
    await holdsNowAndNext(() => {
      expect(findConsumer(db, s.secrets.apiKey)).toBeNull();
      expect(findConsumer(db, consumer.apiKey)?.secret).toBe(consumer.apiKeySecret);
      expect(resolveBearer(db, s.secrets.bearerToken)).toBeNull();
      expect(resolveBearer(db, bearerToken)?.app.id).toBe(app.id);
      expect(currentBearerToken(db, app.id)).toBe(bearerToken);
      expect(verifyClientSecret(db, app.id, s.clientSecret!)).toBe(false);
      expect(verifyClientSecret(db, app.id, clientSecret)).toBe(true);
    });
  });

  it("a rotation grace period ends on the caller's clock even for remembered answers", () => {
    const now = Date.now();
    const { clientSecret } = regenerateClientSecret(db, s.actor, { appId: app.id, grace: "1h" }, now);
    expect(verifyClientSecret(db, app.id, s.clientSecret!, now)).toBe(true);
    expect(verifyClientSecret(db, app.id, s.clientSecret!, now)).toBe(true);
    const later = now + 2 * 60 * 60 * 1000;
    expect(verifyClientSecret(db, app.id, s.clientSecret!, later)).toBe(false);
    expect(verifyClientSecret(db, app.id, clientSecret, later)).toBe(true);
  });

  it("deletion: every credential of a deleted App stops on the next lookup", async () => {
    warm();
    deleteApp(db, s.actor, { appId: app.id, confirmName: app.name });
    await holdsNowAndNext(() => {
      expect(resolveBearerCredential(db, access)).toBeNull();
      expect(resolveBearer(db, s.secrets.bearerToken)).toBeNull();
      expect(findConsumer(db, s.secrets.apiKey)).toBeNull();
      expect(currentBearerToken(db, app.id)).toBeNull();
      expect(findClient(db, app.clientId)).toBeNull();
      expect(verifyClientSecret(db, app.id, s.clientSecret!)).toBe(false);
      expect(findOAuth1AccessToken(db, oauth1.token)).toBeNull();
    });
  });

  it("OAuth 2.0 grant replacement: a new consent for the same (App, user) ends the old grant's tokens on the next lookup", async () => {
    warm();
    const code = approveAndGetCode(db, s.user.id, authorizeParams(app.clientId, { scope: "tweet.read users.read" }));
    const fresh = exchangeAuthorizationCode(db, app, { code, redirectUri: REDIRECT, codeVerifier: VERIFIER }).access_token;
    await holdsNowAndNext(() => {
      expect(resolveOAuth2AccessToken(db, access)).toBeNull();
      expect(resolveOAuth2AccessToken(db, fresh)?.scopes).toEqual(["tweet.read", "users.read"]);
    });
  });

  it("token expiry: a remembered access token is refused once its two hours are over", () => {
    const resolved = resolveOAuth2AccessToken(db, access)!;
    expect(resolveOAuth2AccessToken(db, access, resolved.expiresAt! - 1)).not.toBeNull();
    expect(resolveOAuth2AccessToken(db, access, resolved.expiresAt!)).toBeNull();
    expect(introspectToken(db, app, access, resolved.expiresAt! + 1)).toEqual({ active: false });
  });

  it("a user's profile change shows on the next lookup", async () => {
    warm();
    db.update(users).set({ name: "Renamed" }).where(eq(users.id, s.user.id)).run();
    await holdsNowAndNext(() => expect(findProfileById(db, s.user.id)?.name).toBe("Renamed"));
  });

  it("nothing read inside a transaction is remembered: tokens issued by a rolled-back transaction never resolve", async () => {
    const code = approveAndGetCode(db, s.user.id, authorizeParams(app.clientId));
    let issued = "";
    expect(() =>
      db.transaction((tx) => {
        issued = exchangeAuthorizationCode(tx, app, { code, redirectUri: REDIRECT, codeVerifier: VERIFIER }).access_token;
        expect(resolveOAuth2AccessToken(tx, issued)?.user?.id).toBe(s.user.id);
        expect(resolveOAuth2AccessToken(db, issued)?.user?.id).toBe(s.user.id); // the same connection, inside the transaction
        throw new Error("roll back");
      }),
    ).toThrow("roll back");
    await holdsNowAndNext(() => expect(resolveOAuth2AccessToken(db, issued)).toBeNull());
  });

  it("a write to a table no answer is read from (an OAuth 1.0a nonce) hides none of the turn's other writes", async () => {
    warm();
    await nextTurn();
    expect(resolveOAuth2AccessToken(db, access)).not.toBeNull(); // the epoch is read in this turn
    expect(writeOutsideCache(db, () => consumeNonce(db, s.secrets.apiKey, "nonce-1", Math.floor(Date.now() / 1000)))).toBe(true);
    expect(resolveOAuth2AccessToken(db, access)).not.toBeNull();
    revokeToken(db, app, access);
    expect(resolveOAuth2AccessToken(db, access)).toBeNull();
  });

  it("remembered answers cannot be changed by a caller", () => {
    warm();
    const resolved = resolveOAuth2AccessToken(db, access)!;
    expect(() => Object.assign(resolved.app, { status: "active", permission: "read-write-directmessages" })).toThrow(TypeError);
    expect(() => (resolved.scopes as string[]).push("dm.write")).toThrow(TypeError);
  });
});

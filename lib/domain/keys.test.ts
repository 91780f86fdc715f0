import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps, auditLog, memberships } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { seedApp, seedDeveloper, type SeededApp } from "@/db/test-seed";
import { createApp } from "./apps";
import { findAppByBearer, findConsumer, verifyClientSecret } from "./app-credentials";
import { updateAuthSettings } from "./auth-settings";
import type { DomainError } from "./errors";
import {
  endGracePeriodEarly,
  generateOwnerAccessToken,
  getKeysOverview,
  regenerateApiKey,
  regenerateBearerToken,
  regenerateClientSecret,
  revokeBearer,
  revokeOwnerAccessToken,
} from "./keys";
import { findOAuth1AccessToken, issueOAuth1AccessToken } from "./user-tokens";
import { listConnectedApps, revokeConnectedApp } from "./connected-apps";
import { listTeamConnectedApps } from "./team-connected-apps";
import { teamIdentity } from "./team-identity";
import { createTeam } from "./teams";

const HOUR = 60 * 60 * 1000;
let db: Db;
let s: SeededApp;
beforeEach(async () => {
  db = createTestDb();
  s = await seedApp(db, "alice", { settings: { oauth1Enabled: true, permission: "read-write", callbackUrls: ["https://example.com/cb"] } });
});

const caught = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a DomainError");
};

/** Switches the App to OAuth 2.0 with a type of App; returns the Client Secret issued, if any. */
const useOAuth2 = (appType: "web" | "spa") =>
  updateAuthSettings(db, s.actor, {
    appId: s.app.id,
    oauth1Enabled: true,
    oauth2Enabled: true,
    permission: "read-write",
    requestEmail: false,
    appType,
    callbackUrls: [{ url: "https://example.com/cb" }],
    websiteUrl: "https://example.com",
    termsUrl: "",
    privacyUrl: "",
    signInWithX: true,
  }).clientSecret;

describe("API Key and Secret", () => {
  it("regenerate stops the old pair at once and leaves user tokens valid", () => {
    const userToken = issueOAuth1AccessToken(db, { appId: s.app.id, userId: s.user.id, accessLevel: "read-write", source: "oauth" });
    const fresh = regenerateApiKey(db, s.actor, { appId: s.app.id });
    expect(findConsumer(db, s.secrets.apiKey)).toBeNull();
    expect(findConsumer(db, fresh.apiKey)?.secret).toBe(fresh.apiKeySecret);
    expect(findOAuth1AccessToken(db, userToken.token)?.secret).toBe(userToken.secret);
    const overview = getKeysOverview(db, s.actor, { appId: s.app.id });
    expect(overview.apiKey?.hint).toBe(`${fresh.apiKey.slice(0, 4)}…${fresh.apiKey.slice(-4)}`);
    expect(overview.previousApiKey).toBeNull();
  });

  it("with a grace period the previous pair works until it expires, and can be ended early", () => {
    const t0 = Date.now();
    const fresh = regenerateApiKey(db, s.actor, { appId: s.app.id, grace: "1h" }, t0);
    expect(findConsumer(db, s.secrets.apiKey, t0 + 59 * 60 * 1000)?.secret).toBe(s.secrets.apiKeySecret);
    expect(findConsumer(db, s.secrets.apiKey, t0 + HOUR + 1)).toBeNull();
    expect(findConsumer(db, fresh.apiKey, t0 + 7 * 24 * HOUR)).not.toBeNull();
    expect(getKeysOverview(db, s.actor, { appId: s.app.id }, t0).previousApiKey).toEqual({
      hint: `${s.secrets.apiKey.slice(0, 4)}…${s.secrets.apiKey.slice(-4)}`,
      expiresAt: t0 + HOUR,
    });
    expect(getKeysOverview(db, s.actor, { appId: s.app.id }, t0 + HOUR + 1).previousApiKey).toBeNull();

    expect(endGracePeriodEarly(db, s.actor, { appId: s.app.id, kind: "consumer" })).toEqual({ ended: true });
    expect(findConsumer(db, s.secrets.apiKey, t0)).toBeNull();
    expect(findConsumer(db, fresh.apiKey, t0)).not.toBeNull();
  });

  it("a second regenerate with grace while one is in grace is refused; the pair in use keeps working (issue 16)", () => {
    const t0 = Date.now();
    const second = regenerateApiKey(db, s.actor, { appId: s.app.id, grace: "1h" }, t0);
    const refused = caught(() => regenerateApiKey(db, s.actor, { appId: s.app.id, grace: "1h" }, t0));
    expect([refused.code, refused.message]).toEqual([
      "conflict",
      `The previous API Key and Secret still works until ${new Date(t0 + HOUR).toISOString().slice(0, 16).replace("T", " ")} UTC (grace period). End that grace period first, or regenerate without a grace period to stop every old one now.`,
    ]);
    expect(findConsumer(db, s.secrets.apiKey, t0)?.secret, "the pair clients still use").toBe(s.secrets.apiKeySecret);
    expect(findConsumer(db, second.apiKey, t0)?.secret).toBe(second.apiKeySecret);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "app.api_key.regenerate")).all()).toHaveLength(1);

    // Once that grace period is over, or without a grace period, regenerating works again.
    const third = regenerateApiKey(db, s.actor, { appId: s.app.id, grace: "1h" }, t0 + HOUR + 1);
    expect(findConsumer(db, second.apiKey, t0 + HOUR + 2)?.secret).toBe(second.apiKeySecret);
    const fourth = regenerateApiKey(db, s.actor, { appId: s.app.id }, t0 + HOUR + 2);
    expect([findConsumer(db, second.apiKey, t0 + HOUR + 3), findConsumer(db, third.apiKey, t0 + HOUR + 3)]).toEqual([null, null]);
    expect(findConsumer(db, fourth.apiKey, t0 + HOUR + 3)?.secret).toBe(fourth.apiKeySecret);
  });
});

describe("Bearer token", () => {
  it("regenerate stops the old token; revoke leaves none; generate makes a new one", () => {
    const { bearerToken } = regenerateBearerToken(db, s.actor, { appId: s.app.id });
    expect(findAppByBearer(db, s.secrets.bearerToken)).toBeNull();
    expect(findAppByBearer(db, bearerToken)?.id).toBe(s.app.id);
    expect(revokeBearer(db, s.actor, { appId: s.app.id })).toEqual({ revoked: true });
    expect(findAppByBearer(db, bearerToken)).toBeNull();
    expect(getKeysOverview(db, s.actor, { appId: s.app.id }).bearer).toBeNull();
    expect(revokeBearer(db, s.actor, { appId: s.app.id })).toEqual({ revoked: false });
    const again = regenerateBearerToken(db, s.actor, { appId: s.app.id });
    expect(findAppByBearer(db, again.bearerToken)?.id).toBe(s.app.id);
  });
});

describe("owner Access Token and Secret", () => {
  it("is created at the App's permission; regenerate and revoke stop the old one", () => {
    const first = generateOwnerAccessToken(db, s.actor, { appId: s.app.id });
    expect(first.accessToken.startsWith(`${s.user.id}-`)).toBe(true);
    expect(findOAuth1AccessToken(db, first.accessToken)).toMatchObject({ userId: s.user.id, secret: first.accessTokenSecret, accessLevel: "read-write", source: "portal" });
    expect(getKeysOverview(db, s.actor, { appId: s.app.id }).accessToken).toMatchObject({ accessLevel: "read-write", outdated: false, hint: `${s.user.id}-…${first.accessToken.slice(-4)}` });

    const second = generateOwnerAccessToken(db, s.actor, { appId: s.app.id });
    expect(findOAuth1AccessToken(db, first.accessToken)).toBeNull();
    expect(findOAuth1AccessToken(db, second.accessToken)).not.toBeNull();
    expect(revokeOwnerAccessToken(db, s.actor, { appId: s.app.id })).toEqual({ revoked: true });
    expect(findOAuth1AccessToken(db, second.accessToken)).toBeNull();
    expect(getKeysOverview(db, s.actor, { appId: s.app.id }).accessToken).toBeNull();
  });

  it("is listed in the owner's Connected apps; Revoke access there ends it, and revoking it on the Keys page unlists it", () => {
    const first = generateOwnerAccessToken(db, s.actor, { appId: s.app.id });
    expect(listConnectedApps(db, s.actor).map((c) => [c.app.id, c.oauth1AccessLevel])).toEqual([[s.app.id, "read-write"]]);
    revokeConnectedApp(db, s.actor, { appId: s.app.id });
    expect(findOAuth1AccessToken(db, first.accessToken)).toBeNull();
    generateOwnerAccessToken(db, s.actor, { appId: s.app.id });
    revokeOwnerAccessToken(db, s.actor, { appId: s.app.id });
    expect(listConnectedApps(db, s.actor)).toEqual([]);
  });

  it("says the token is outdated when the App's permission no longer matches it", () => {
    generateOwnerAccessToken(db, s.actor, { appId: s.app.id });
    db.update(apps).set({ permission: "read-write-directmessages" }).where(eq(apps.id, s.app.id)).run();
    expect(getKeysOverview(db, s.actor, { appId: s.app.id }).accessToken).toMatchObject({ accessLevel: "read-write", outdated: true });
  });

  it("on a team App acts for the team's own account — never the App's creator nor the admin who pressed Generate; other members cannot manage keys", async () => {
    const admin = await seedDeveloper(db, "admin_t");
    const owner = await seedDeveloper(db, "owner_t");
    const member = await seedDeveloper(db, "member_t");
    const team = createTeam(db, admin.actor, { name: "Acme Team" });
    db.insert(memberships)
      .values([
        { accountId: team.id, userId: owner.user.id, role: "developer" },
        { accountId: team.id, userId: member.user.id, role: "developer" },
      ])
      .run();
    const { app } = createApp(db, admin.actor, team.id, { name: "Team App", environment: "development" });
    db.update(apps).set({ ownerUserId: owner.user.id }).where(eq(apps.id, app.id)).run();
    const identity = teamIdentity(db, team.id)!;
    expect(identity.username).toBe("acme_team");

    for (const who of [admin, owner]) {
      const token = generateOwnerAccessToken(db, who.actor, { appId: app.id });
      const found = findOAuth1AccessToken(db, token.accessToken)!;
      expect(found.userId).toBe(identity.userId);
      expect([admin.user.id, owner.user.id, member.user.id]).not.toContain(found.userId);
      expect(token.accessToken.startsWith(`${identity.userId}-`)).toBe(true);
    }
    expect(getKeysOverview(db, owner.actor, { appId: app.id }).ownerUsername).toBe("acme_team");
    // Listed in the Connected apps of the account it acts for, and in nobody else's.
    expect(listTeamConnectedApps(db, admin.actor, team.id).apps.map((c) => c.app.id)).toEqual([app.id]);
    for (const person of [admin, owner, member]) expect(listConnectedApps(db, person.actor)).toEqual([]);
    expect(caught(() => regenerateApiKey(db, member.actor, { appId: app.id })).code).toBe("forbidden");
  });
});

describe("OAuth 2.0 Client Secret", () => {
  it("regenerate stops the old secret at once, or after the grace period", () => {
    const first = useOAuth2("web")!;
    expect(verifyClientSecret(db, s.app.id, first)).toBe(true);
    const second = regenerateClientSecret(db, s.actor, { appId: s.app.id });
    expect(second.clientId).toBe(s.app.clientId);
    expect(verifyClientSecret(db, s.app.id, first)).toBe(false);
    expect(verifyClientSecret(db, s.app.id, second.clientSecret)).toBe(true);

    const t0 = Date.now();
    const third = regenerateClientSecret(db, s.actor, { appId: s.app.id, grace: "24h" }, t0);
    expect(verifyClientSecret(db, s.app.id, second.clientSecret, t0 + 23 * HOUR)).toBe(true);
    expect(verifyClientSecret(db, s.app.id, second.clientSecret, t0 + 24 * HOUR + 1)).toBe(false);
    expect(getKeysOverview(db, s.actor, { appId: s.app.id }, t0).previousClientSecret?.expiresAt).toBe(t0 + 24 * HOUR);
    expect(caught(() => regenerateClientSecret(db, s.actor, { appId: s.app.id, grace: "1h" }, t0)).message).toMatch(/^The previous Client Secret still works until .* UTC \(grace period\)/);
    expect(verifyClientSecret(db, s.app.id, second.clientSecret, t0), "still in its grace period").toBe(true);
    endGracePeriodEarly(db, s.actor, { appId: s.app.id, kind: "client_secret" });
    expect(verifyClientSecret(db, s.app.id, second.clientSecret, t0)).toBe(false);
    expect(verifyClientSecret(db, s.app.id, third.clientSecret, t0)).toBe(true);
    expect(regenerateClientSecret(db, s.actor, { appId: s.app.id, grace: "1h" }, t0).clientSecret, "no grace in progress any more").toBeTruthy();
  });

  it("public clients have none to regenerate", () => {
    useOAuth2("spa");
    expect(caught(() => regenerateClientSecret(db, s.actor, { appId: s.app.id })).code).toBe("invalid");
    expect(getKeysOverview(db, s.actor, { appId: s.app.id })).toMatchObject({ clientId: s.app.clientId, clientSecret: null });
  });
});

describe("authorization and storage", () => {
  it("another user gets not found for every action, and nothing changes", async () => {
    const bob = await seedDeveloper(db, "bob");
    useOAuth2("web");
    const input = { appId: s.app.id };
    const calls: (() => unknown)[] = [
      () => getKeysOverview(db, bob.actor, input),
      () => regenerateApiKey(db, bob.actor, input),
      () => regenerateApiKey(db, bob.actor, { ...input, grace: "7d" }),
      () => regenerateBearerToken(db, bob.actor, input),
      () => revokeBearer(db, bob.actor, input),
      () => generateOwnerAccessToken(db, bob.actor, input),
      () => revokeOwnerAccessToken(db, bob.actor, input),
      () => regenerateClientSecret(db, bob.actor, input),
      () => endGracePeriodEarly(db, bob.actor, { ...input, kind: "consumer" }),
    ];
    for (const call of calls) expect(caught(call)).toMatchObject({ code: "not_found", message: "App not found" });
    expect(findConsumer(db, s.secrets.apiKey)).not.toBeNull();
    expect(findAppByBearer(db, s.secrets.bearerToken)).not.toBeNull();
  });

  it("the database holds no plaintext secret after every kind was generated, and the audit log names each change", () => {
    const secrets = [
      s.secrets.apiKeySecret,
      s.secrets.bearerToken,
      useOAuth2("web")!,
      regenerateApiKey(db, s.actor, { appId: s.app.id, grace: "1h" }).apiKeySecret,
      regenerateBearerToken(db, s.actor, { appId: s.app.id }).bearerToken,
      generateOwnerAccessToken(db, s.actor, { appId: s.app.id }).accessTokenSecret,
      regenerateClientSecret(db, s.actor, { appId: s.app.id, grace: "3d" }).clientSecret,
    ];
    const sqlite = db.$client;
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const dump = tables.map((t) => JSON.stringify(sqlite.prepare(`select * from "${t.name}"`).all())).join("\n");
    for (const secret of secrets) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(decodeURIComponent(secret));
    }
    const actions = db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.appId, s.app.id)).all().map((r) => r.action);
    expect(actions).toEqual([
      "app.create",
      "app.auth_settings.update",
      "app.api_key.regenerate",
      "app.bearer_token.regenerate",
      "app.access_token.generate",
      "app.client_secret.regenerate",
    ]);
  });
});

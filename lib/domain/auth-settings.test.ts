import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps, auditLog, authorizations, oauth1Tokens, oauth2Grants } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { seedApp, seedDeveloper, type SeededApp } from "@/db/test-seed";
import type { AuthSettingsInput } from "@/lib/validation/auth-settings";
import { verifyClientSecret } from "./app-credentials";
import { authSettingsVersion, getAuthSettings, saveAuthSettings, updateAuthSettings } from "./auth-settings";
import type { DomainError } from "./errors";
import { generateOwnerAccessToken } from "./keys";
import { findOAuth1AccessToken, issueOAuth1AccessToken } from "./user-tokens";

let db: Db;
let s: SeededApp;
let base: AuthSettingsInput;
beforeEach(async () => {
  db = createTestDb();
  s = await seedApp(db, "alice");
  base = {
    appId: s.app.id,
    oauth1Enabled: true,
    oauth2Enabled: false,
    permission: "read",
    requestEmail: false,
    appType: null,
    callbackUrls: [{ url: "https://example.com/cb" }, { url: "myapp://callback/path" }],
    websiteUrl: "https://example.com",
    termsUrl: "",
    privacyUrl: "",
    signInWithX: false,
  };
});

const save = (patch: Partial<AuthSettingsInput> = {}) => updateAuthSettings(db, s.actor, { ...base, ...patch });
const appRow = () => db.select().from(apps).where(eq(apps.id, s.app.id)).get()!;

describe("updateAuthSettings", () => {
  it("saves every setting and reads it back as the form edits it", () => {
    save({ termsUrl: "https://example.com/tos", privacyUrl: "https://example.com/privacy", requestEmail: true });
    expect(appRow()).toMatchObject({ oauth1Enabled: true, oauth2Enabled: false, requestEmail: true, signInWithX: false, callbackUrls: ["https://example.com/cb", "myapp://callback/path"] });
    expect(getAuthSettings(db, s.actor, { appId: s.app.id })).toEqual({
      ...base,
      callbackUrls: ["https://example.com/cb", "myapp://callback/path"],
      termsUrl: "https://example.com/tos",
      privacyUrl: "https://example.com/privacy",
      requestEmail: true,
    });
  });

  it("a permission change discards every user token of the App (OAuth 1.0a and 2.0, the owner's included)", async () => {
    const bob = await seedDeveloper(db, "bob");
    save();
    const owner = generateOwnerAccessToken(db, s.actor, { appId: s.app.id });
    const user = issueOAuth1AccessToken(db, { appId: s.app.id, userId: bob.user.id, accessLevel: "read", source: "oauth" });
    db.insert(oauth2Grants).values({ appId: s.app.id, userId: bob.user.id, scope: "tweet.read users.read" }).run();
    db.insert(authorizations).values({ appId: s.app.id, userId: bob.user.id, oauth1AccessLevel: "read", oauth2Scope: "tweet.read" }).run();

    expect(save({ signInWithX: true }).tokensDiscarded).toBe(false);
    expect(findOAuth1AccessToken(db, user.token)).not.toBeNull();

    expect(save({ permission: "read-write" }).tokensDiscarded).toBe(true);
    expect(findOAuth1AccessToken(db, owner.accessToken)).toBeNull();
    expect(db.select().from(oauth1Tokens).all()).toEqual([]);
    expect(db.select().from(oauth2Grants).all()).toEqual([]);
    expect(db.select().from(authorizations).all()).toEqual([]);
    expect(appRow().permission).toBe("read-write");
  });

  it("switching to a confidential type creates a Client Secret; to a public type (or OAuth 2.0 off) deletes it", () => {
    const created = save({ oauth2Enabled: true, appType: "web" });
    expect(created.clientId).toBe(s.app.clientId);
    expect(verifyClientSecret(db, s.app.id, created.clientSecret!)).toBe(true);

    expect(save({ oauth2Enabled: true, appType: "bot" })).toMatchObject({ clientSecret: null, clientSecretDeleted: false });
    expect(verifyClientSecret(db, s.app.id, created.clientSecret!)).toBe(true);

    expect(save({ oauth2Enabled: true, appType: "native" })).toMatchObject({ clientSecret: null, clientSecretDeleted: true });
    expect(verifyClientSecret(db, s.app.id, created.clientSecret!)).toBe(false);

    const again = save({ oauth2Enabled: true, appType: "bot" }).clientSecret!;
    expect(verifyClientSecret(db, s.app.id, again)).toBe(true);
    expect(save({ oauth2Enabled: false, appType: "bot" }).clientSecretDeleted).toBe(true);
    expect(verifyClientSecret(db, s.app.id, again)).toBe(false);
  });

  it("records each change in the audit log, never a secret", () => {
    const { clientSecret } = save({ oauth2Enabled: true, appType: "web", permission: "read-write-directmessages" });
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "app.auth_settings.update")).get()!;
    expect(entry.actorUserId).toBe(s.user.id);
    expect(entry.details).toMatchObject({
      changes: { permission: { from: "read", to: "read-write-directmessages" }, appType: { from: null, to: "web" } },
      userTokensDiscarded: true,
      clientSecret: "created",
    });
    expect(JSON.stringify(entry)).not.toContain(clientSecret!);
  });

  it("another user gets not found and nothing changes", async () => {
    const bob = await seedDeveloper(db, "bob");
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as DomainError;
      }
    };
    expect(err(() => getAuthSettings(db, bob.actor, { appId: s.app.id }))?.code).toBe("not_found");
    expect(err(() => updateAuthSettings(db, bob.actor, { ...base, permission: "read-write" }))?.code).toBe("not_found");
    expect(appRow()).toMatchObject({ permission: "read", oauth1Enabled: false });
  });
});

describe("saveAuthSettings (the form's save: version + changed settings)", () => {
  it("checks the rules on the merged settings and points the error at the field", () => {
    save();
    let err: DomainError | undefined;
    try {
      saveAuthSettings(db, s.actor, { appId: s.app.id, version: authSettingsVersion(appRow()), oauth2Enabled: true });
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.fieldErrors).toEqual({ appType: ["Choose the type of App for OAuth 2.0"] });
    expect(appRow().oauth2Enabled).toBe(false);
  });

  it("writes only the changed setting, and a stale version is refused", () => {
    save();
    const opened = authSettingsVersion(appRow());
    const { version } = saveAuthSettings(db, s.actor, { appId: s.app.id, version: opened, signInWithX: true });
    expect(appRow()).toMatchObject({ signInWithX: true, oauth1Enabled: true, callbackUrls: ["https://example.com/cb", "myapp://callback/path"] });
    expect(version).toBe(authSettingsVersion(appRow()));
    expect(() => saveAuthSettings(db, s.actor, { appId: s.app.id, version: opened, websiteUrl: "https://other.example.com" })).toThrow("This App changed since you opened it");
    expect(appRow().websiteUrl).toBe("https://example.com");
  });
});

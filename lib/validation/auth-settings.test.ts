import { describe, expect, it } from "vitest";
import { CALLBACK_MESSAGES } from "./callback-urls";
import { AUTH_SETTINGS_MESSAGES, authSettingsSchema, type AuthSettingsInput } from "./auth-settings";

const valid: AuthSettingsInput = {
  appId: "12345678",
  oauth1Enabled: true,
  oauth2Enabled: true,
  permission: "read-write",
  requestEmail: false,
  appType: "web",
  callbackUrls: [{ url: "https://example.com/cb" }],
  websiteUrl: "https://example.com",
  termsUrl: "",
  privacyUrl: "",
  signInWithX: true,
};

const errorsOf = (patch: Partial<AuthSettingsInput>) => {
  const result = authSettingsSchema.safeParse({ ...valid, ...patch });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("authSettingsSchema", () => {
  it("accepts consistent settings", () => {
    expect(errorsOf({})).toEqual({});
    expect(errorsOf({ requestEmail: true, termsUrl: "https://example.com/tos", privacyUrl: "https://example.com/privacy" })).toEqual({});
    expect(errorsOf({ oauth2Enabled: false, appType: null })).toEqual({});
  });

  it("turns contradictions into field errors", () => {
    expect(errorsOf({ oauth1Enabled: false, oauth2Enabled: false })).toEqual({ oauth1Enabled: AUTH_SETTINGS_MESSAGES.noMethod });
    expect(errorsOf({ appType: null })).toEqual({ appType: AUTH_SETTINGS_MESSAGES.noAppType });
    expect(errorsOf({ requestEmail: true, termsUrl: "https://example.com/tos" })).toEqual({ requestEmail: AUTH_SETTINGS_MESSAGES.emailNeedsUrls });
    expect(errorsOf({ callbackUrls: [] })).toEqual({ callbackUrls: AUTH_SETTINGS_MESSAGES.noCallback });
    expect(errorsOf({ websiteUrl: "" })).toEqual({ websiteUrl: AUTH_SETTINGS_MESSAGES.noWebsite });
  });

  it("applies the callback URL rules row by row", () => {
    expect(errorsOf({ callbackUrls: [{ url: "https://example.com/cb" }, { url: "http://localhost:3000/cb" }, { url: "https://example.com/cb" }] })).toEqual({
      "callbackUrls.1.url": CALLBACK_MESSAGES.localhost,
      "callbackUrls.2.url": CALLBACK_MESSAGES.duplicate,
    });
    expect(errorsOf({ callbackUrls: Array.from({ length: 11 }, (_, i) => ({ url: `https://example.com/cb${i}` })) })).toEqual({
      callbackUrls: CALLBACK_MESSAGES.tooMany,
    });
  });
});

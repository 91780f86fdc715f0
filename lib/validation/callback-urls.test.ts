import { describe, expect, it } from "vitest";
import {
  CALLBACK_MESSAGES,
  callbackUrlProblem,
  callbackUrlsSchema,
  DISALLOWED_PROTOCOLS,
  matchesOAuth1Callback,
  matchesRedirectUri,
} from "./callback-urls";

const mixedCase = (s: string) => s.split("").map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join("");

describe("callback URL rules", () => {
  it.each(DISALLOWED_PROTOCOLS.flatMap((p) => [[p, `${p}://example.com/cb`], [p, `${mixedCase(p)}://example.com/cb`], [p, `${p.toUpperCase()}:alert(1)`]]))(
    "refuses the %s protocol (%s), naming it",
    (protocol, url) => {
      expect(callbackUrlProblem(url)).toBe(CALLBACK_MESSAGES.protocol(protocol));
    },
  );

  it.each([
    ["http://localhost:3000/callback", CALLBACK_MESSAGES.localhost],
    ["https://LOCALHOST/cb", CALLBACK_MESSAGES.localhost],
    ["http://app.localhost/cb", CALLBACK_MESSAGES.localhost],
    ["http://localhost./cb", CALLBACK_MESSAGES.localhost],
    ["myapp://callback", CALLBACK_MESSAGES.customScheme],
    ["myapp://callback/", CALLBACK_MESSAGES.customScheme],
    ["myapp:/path/only", CALLBACK_MESSAGES.customScheme],
    ["myapp:callback/path", CALLBACK_MESSAGES.customScheme],
    ["https://example.com/cb?x=1", CALLBACK_MESSAGES.query],
    ["https://example.com/cb?", CALLBACK_MESSAGES.query],
    ["https://example.com/cb#frag", CALLBACK_MESSAGES.fragment],
    ["https://user:pw@example.com/cb", CALLBACK_MESSAGES.userinfo],
    ["https://user@example.com/cb", CALLBACK_MESSAGES.userinfo],
    ["https://example.com/a b", CALLBACK_MESSAGES.whitespace],
    [" https://example.com/cb", CALLBACK_MESSAGES.whitespace],
    ["example.com/cb", CALLBACK_MESSAGES.invalid],
    ["/relative/path", CALLBACK_MESSAGES.invalid],
    ["https://", CALLBACK_MESSAGES.invalid],
    ["", CALLBACK_MESSAGES.empty],
  ])("%s → %s", (url, message) => {
    expect(callbackUrlProblem(url)).toBe(message);
  });

  it.each([
    "https://example.com/callback",
    "http://127.0.0.1:8080/callback",
    "https://example.com/callback/",
    "https://example.com",
    "twitter://callback/path",
    "com.example.app://oauth/callback",
  ])("accepts %s", (url) => {
    expect(callbackUrlProblem(url)).toBeNull();
  });

  it("refuses duplicates and more than 10 entries, pointing at the row", () => {
    const dup = callbackUrlsSchema.safeParse(["https://a.example/cb", "https://a.example/cb"]);
    expect(dup.success).toBe(false);
    expect(dup.error!.issues).toEqual([expect.objectContaining({ path: [1], message: CALLBACK_MESSAGES.duplicate })]);
    const many = callbackUrlsSchema.safeParse(Array.from({ length: 11 }, (_, i) => `https://a.example/cb${i}`));
    expect(many.error!.issues[0]!.message).toBe(CALLBACK_MESSAGES.tooMany);
    expect(callbackUrlsSchema.safeParse(Array.from({ length: 10 }, (_, i) => `https://a.example/cb${i}`)).success).toBe(true);
  });
});

describe("callback matching", () => {
  const registered = ["https://example.com/cb", "myapp://callback/path"];

  it("OAuth 2.0 needs an exact match, trailing slash included", () => {
    expect(matchesRedirectUri(registered, "https://example.com/cb")).toBe(true);
    expect(matchesRedirectUri(registered, "https://example.com/cb/")).toBe(false);
    expect(matchesRedirectUri(registered, "https://example.com/cb?x=1")).toBe(false);
    expect(matchesRedirectUri(registered, "HTTPS://example.com/cb")).toBe(false);
  });

  it("OAuth 1.0a ignores the request's query string and always accepts oob", () => {
    expect(matchesOAuth1Callback(registered, "https://example.com/cb?source=x")).toBe(true);
    expect(matchesOAuth1Callback(registered, "https://example.com/cb")).toBe(true);
    expect(matchesOAuth1Callback(registered, "https://example.com/cb/")).toBe(false);
    expect(matchesOAuth1Callback(registered, "https://example.com/cb#x")).toBe(false);
    expect(matchesOAuth1Callback(registered, "https://evil.example/cb")).toBe(false);
    expect(matchesOAuth1Callback([], "oob")).toBe(true);
  });
});

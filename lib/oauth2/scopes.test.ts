import { describe, expect, it } from "vitest";
import { parseScope, SCOPES } from "./scopes";

describe("scopes", () => {
  it("knows X's 22 scopes, each with plain words", () => {
    expect(Object.keys(SCOPES)).toHaveLength(22);
    for (const words of Object.values(SCOPES)) expect(words.length).toBeGreaterThan(10);
  });

  it("parses space-separated scopes, dropping duplicates and keeping order", () => {
    expect(parseScope("users.read tweet.read users.read offline.access", { emailAllowed: false })).toEqual({
      ok: true,
      scopes: ["users.read", "tweet.read", "offline.access"],
    });
  });

  it("refuses unknown, stale and differently-cased scopes", () => {
    for (const raw of ["tweet.read account.follows.read", "Tweet.read", "tweet.read,users.read", "timeline.read"]) {
      expect(parseScope(raw, { emailAllowed: true })).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("allows users.email only with the App's email permission", () => {
    expect(parseScope("users.email users.read", { emailAllowed: false })).toEqual({ ok: false, reason: "invalid" });
    expect(parseScope("users.email users.read", { emailAllowed: true })).toEqual({ ok: true, scopes: ["users.email", "users.read"] });
  });

  it("treats an empty scope as missing", () => {
    expect(parseScope("", { emailAllowed: false })).toEqual({ ok: false, reason: "missing" });
    expect(parseScope("   ", { emailAllowed: false })).toEqual({ ok: false, reason: "missing" });
    expect(parseScope(undefined, { emailAllowed: false })).toEqual({ ok: false, reason: "missing" });
  });
});

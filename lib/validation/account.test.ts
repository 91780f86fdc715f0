import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./account";

/** Where a browser on http://portal.test lands when it follows `path` (as Location or router.replace). */
const landsOn = (path: string) => new URL(path, "http://portal.test/signin").origin;

describe("safeCallbackPath (sign-in and sign-up callbackUrl)", () => {
  it.each([
    "/dashboard",
    "/apps/123/keys",
    "/i/oauth2/authorize?response_type=code&client_id=abc&scope=tweet.read+users.read&state=x%2Fy",
    "/oauth/authorize?oauth_token=abc",
    "/u/someone#tweets",
  ])("keeps the same-origin path %s", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    ["protocol-relative", "//evil.com"],
    ["backslash", "/\\evil.com"],
    ["backslashes", "\\\\evil.com"],
    ["tab dropped by the URL parser", "/\t/evil.com"],
    ["newline dropped by the URL parser", "/\n/evil.com"],
    ["CR LF (header injection too)", "/\r\n/evil.com"],
    ["NUL", "/\u0000/evil.com"],
    ["absolute URL", "https://evil.com/"],
    ["javascript: scheme", "javascript:alert(1)"],
    ["mixed-case scheme", "JaVaScRiPt:alert(1)"],
    ["encoded scheme (decoded once by the query string)", decodeURIComponent("javascript%3Aalert(1)")],
    ["no leading slash", "evil.com"],
    ["empty", ""],
  ])("refuses %s", (_name, value) => {
    expect(safeCallbackPath(value)).toBe("/dashboard");
  });

  it("never returns a path a browser would resolve to another origin", () => {
    for (const value of ["/\t/evil.com", "/\\evil.com", "//evil.com", "/%2F/evil.com", "/ /evil.com", "/.//evil.com", "/..//evil.com"]) {
      expect(landsOn(safeCallbackPath(value))).toBe("http://portal.test");
    }
  });
});

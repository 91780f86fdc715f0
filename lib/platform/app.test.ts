import { describe, expect, it } from "vitest";
import { createPlatformApp } from "./app";
import { isPlatformPath } from "./paths";

describe("platform routing", () => {
  it.each([
    ["/api/health", true],
    ["/api/health?x=1", true],
    ["/oauth/request_token", true],
    ["/oauth/access_token", true],
    ["/oauth2/token", true],
    ["/2/users/me", true],
    ["/1.1/account/verify_credentials.json", true],
    ["/1.1/media/upload.json", true],
    ["/media/2127072443717649205.png", true],
    ["/mediakit", false],
    ["/oauth/authorize?oauth_token=x", false],
    ["/oauth/authenticate", false],
    ["/i/oauth2/authorize", false],
    ["/api/auth/session", false],
    ["/dashboard", false],
    ["/2fa", false],
    ["/", false],
  ])("%s → platform %s", (path, expected) => {
    expect(isPlatformPath(path)).toBe(expected);
  });
});

describe("platform app", () => {
  const app = createPlatformApp();

  it("answers /api/health with constant JSON", async () => {
    const res = await app.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers unknown v2 paths with X's not-found problem", async () => {
    const res = await app.request("/2/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ title: "Not Found Error", type: "about:blank", status: 404 });
  });

  it("answers unknown v1.1 paths with code 34", async () => {
    const res = await app.request("/1.1/nope.json");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ errors: [{ code: 34, message: "Sorry, that page does not exist." }] });
  });
});

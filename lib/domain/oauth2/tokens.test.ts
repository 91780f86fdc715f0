import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps, oauth2Grants, oauth2Tokens } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { OAuth2Error } from "@/lib/oauth2/errors";
import { CODE_TTL_MS } from "./authorize";
import { resolveOAuth2AccessToken } from "./resolve";
import { approveAndGetCode, authorizeParams, REDIRECT, seedOAuth2App, VERIFIER } from "./test-helpers";
import { ACCESS_TOKEN_TTL_S, exchangeAuthorizationCode, refreshAccessToken, revokeToken } from "./tokens";

let db: Db;
let fx: Awaited<ReturnType<typeof seedOAuth2App>>;
beforeAll(async () => {
  db = createTestDb();
  fx = await seedOAuth2App(db, "native");
});

const T0 = 1_800_000_000_000;
const exchange = (code: string, over: Partial<{ redirectUri: string; codeVerifier: string }> = {}, now = T0 + 1000) =>
  exchangeAuthorizationCode(db, fx.app, { code, redirectUri: REDIRECT, codeVerifier: VERIFIER, ...over }, now);
const newCode = (over = {}) => approveAndGetCode(db, fx.user.id, authorizeParams(fx.app.clientId, over), T0);

/** The OAuth2Error `fn` throws, as its JSON body. */
function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof OAuth2Error) return { status: err.status, ...err.toJSON() };
    throw err;
  }
  throw new Error("expected a refusal");
}
const INVALID_CODE = { status: 400, error: "invalid_request", error_description: "Value passed for the authorization code was invalid." };
const INVALID_TOKEN = { status: 400, error: "invalid_request", error_description: "Value passed for the token was invalid." };

describe("authorization_code grant", () => {
  it("issues X's token response; refresh token only with offline.access", () => {
    const tokens = exchange(newCode());
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 7200, scope: "tweet.read users.read offline.access" });
    expect(Buffer.from(tokens.access_token, "base64url").toString()).toMatch(/:1:0:at:1$/);
    expect(Buffer.from(tokens.refresh_token!, "base64url").toString()).toMatch(/:1:0:rt:1$/);
    const resolved = resolveOAuth2AccessToken(db, tokens.access_token, T0 + 2000);
    expect(resolved).toMatchObject({ kind: "oauth2-user", user: { id: fx.user.id }, scopes: ["tweet.read", "users.read", "offline.access"] });
    expect(resolved?.expiresAt).toBe(T0 + 1000 + ACCESS_TOKEN_TTL_S * 1000);

    const noOffline = exchange(newCode({ scope: "tweet.read users.read" }));
    expect(noOffline.refresh_token).toBeUndefined();
    expect("refresh_token" in noOffline).toBe(false);
  });

  it("a code is single-use; replaying it revokes every token it issued", () => {
    const code = newCode();
    const tokens = exchange(code);
    expect(refusal(() => exchange(code))).toEqual(INVALID_CODE);
    expect(resolveOAuth2AccessToken(db, tokens.access_token, T0 + 2000)).toBeNull();
    expect(refusal(() => refreshAccessToken(db, fx.app, tokens.refresh_token!, T0 + 3000))).toEqual(INVALID_TOKEN);
  });

  it("a code expires after 30 seconds (time injected)", () => {
    const code = newCode();
    expect(refusal(() => exchange(code, {}, T0 + CODE_TTL_MS))).toEqual(INVALID_CODE);
    const fresh = newCode();
    expect(exchange(fresh, {}, T0 + CODE_TTL_MS - 1).access_token).toBeTruthy();
  });

  it("redirect_uri must equal the one of the authorization", () => {
    expect(refusal(() => exchange(newCode(), { redirectUri: `${REDIRECT}/` }))).toEqual({
      status: 400,
      error: "invalid_request",
      error_description: "Value passed for the redirect uri did not match the uri of the authorization code.",
    });
  });

  it("a wrong verifier is refused and spends the code", () => {
    const code = newCode();
    expect(refusal(() => exchange(code, { codeVerifier: "x".repeat(43) }))).toEqual({
      status: 400,
      error: "invalid_request",
      error_description: "Value passed for the code verifier did not match the code challenge.",
    });
    expect(refusal(() => exchange(code))).toEqual(INVALID_CODE);
  });

  it("plain PKCE works with the verifier equal to the challenge", () => {
    const code = newCode({ code_challenge: "challenge", code_challenge_method: "plain" });
    expect(exchange(code, { codeVerifier: "challenge" }).access_token).toBeTruthy();
  });

  it("another App's code, or garbage, is an invalid code (and is not spent by the wrong client)", async () => {
    const other = await seedOAuth2App(db, "spa");
    const code = newCode();
    expect(refusal(() => exchangeAuthorizationCode(db, other.app, { code, redirectUri: REDIRECT, codeVerifier: VERIFIER }, T0 + 1000))).toEqual(
      INVALID_CODE,
    );
    expect(exchange(code).access_token).toBeTruthy();
    expect(refusal(() => exchange("not-a-code"))).toEqual(INVALID_CODE);
  });
});

describe("refresh_token grant", () => {
  it("rotates on every refresh; a spent refresh token kills the whole family", () => {
    const first = exchange(newCode());
    const second = refreshAccessToken(db, fx.app, first.refresh_token!, T0 + 5000);
    const third = refreshAccessToken(db, fx.app, second.refresh_token!, T0 + 6000);
    expect(new Set([first.refresh_token, second.refresh_token, third.refresh_token]).size).toBe(3);
    expect(third).toMatchObject({ token_type: "bearer", expires_in: 7200, scope: "tweet.read users.read offline.access" });
    expect(resolveOAuth2AccessToken(db, third.access_token, T0 + 7000)).not.toBeNull();

    expect(refusal(() => refreshAccessToken(db, fx.app, first.refresh_token!, T0 + 8000))).toEqual(INVALID_TOKEN);
    expect(resolveOAuth2AccessToken(db, third.access_token, T0 + 9000)).toBeNull();
    expect(refusal(() => refreshAccessToken(db, fx.app, third.refresh_token!, T0 + 9000))).toEqual(INVALID_TOKEN);
  });

  it("refuses access tokens, foreign refresh tokens and garbage", async () => {
    const other = await seedOAuth2App(db, "spa");
    const tokens = exchange(newCode());
    expect(refusal(() => refreshAccessToken(db, fx.app, tokens.access_token, T0 + 2000))).toEqual(INVALID_TOKEN);
    expect(refusal(() => refreshAccessToken(db, other.app, tokens.refresh_token!, T0 + 2000))).toEqual(INVALID_TOKEN);
    expect(refreshAccessToken(db, fx.app, tokens.refresh_token!, T0 + 3000).access_token).toBeTruthy();
  });
});

describe("access tokens", () => {
  it("expire after 2 hours", () => {
    const tokens = exchange(newCode(), {}, T0);
    expect(resolveOAuth2AccessToken(db, tokens.access_token, T0 + 7200_000 - 1)).not.toBeNull();
    expect(resolveOAuth2AccessToken(db, tokens.access_token, T0 + 7200_000)).toBeNull();
  });

  it("revoking an access token stops it alone; revoking a refresh token ends the grant", async () => {
    const a = exchange(newCode());
    const b = refreshAccessToken(db, fx.app, a.refresh_token!, T0 + 2000);
    revokeToken(db, fx.app, a.access_token, T0 + 3000);
    expect(resolveOAuth2AccessToken(db, a.access_token, T0 + 4000)).toBeNull();
    expect(resolveOAuth2AccessToken(db, b.access_token, T0 + 4000)).not.toBeNull();

    const other = await seedOAuth2App(db, "spa");
    revokeToken(db, other.app, b.refresh_token!, T0 + 5000);
    expect(resolveOAuth2AccessToken(db, b.access_token, T0 + 5000)).not.toBeNull();
    revokeToken(db, fx.app, b.refresh_token!, T0 + 5000);
    expect(resolveOAuth2AccessToken(db, b.access_token, T0 + 5000)).toBeNull();
    expect(db.select().from(oauth2Grants).where(eq(oauth2Grants.userId, fx.user.id)).all()).toHaveLength(0);
  });

  it("tokens are stored only as keyed hashes", () => {
    const tokens = exchange(newCode());
    const dump = JSON.stringify(db.select().from(oauth2Tokens).all());
    expect(dump).not.toContain(tokens.access_token);
    expect(dump).not.toContain(tokens.refresh_token);
  });

  it("stops resolving while the App has OAuth 2.0 switched off", () => {
    const tokens = exchange(newCode());
    db.update(apps).set({ oauth2Enabled: false }).where(eq(apps.id, fx.app.id)).run();
    expect(resolveOAuth2AccessToken(db, tokens.access_token, T0 + 2000)).toBeNull();
    db.update(apps).set({ oauth2Enabled: true }).where(eq(apps.id, fx.app.id)).run();
    expect(resolveOAuth2AccessToken(db, tokens.access_token, T0 + 2000)).not.toBeNull();
  });

  it("a suspended App's token still resolves, with the App's status for the API to refuse", () => {
    const tokens = exchange(newCode());
    db.update(apps).set({ status: "suspended" }).where(eq(apps.id, fx.app.id)).run();
    expect(resolveOAuth2AccessToken(db, tokens.access_token, T0 + 2000)?.app.status).toBe("suspended");
    db.update(apps).set({ status: "active" }).where(eq(apps.id, fx.app.id)).run();
  });
});

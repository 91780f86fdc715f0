import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { checkAuthorizeRequest } from "@/lib/domain/oauth2/authorize";
import { approveAndGetCode, authorizeParams, REDIRECT, seedOAuth2App } from "@/lib/domain/oauth2/test-helpers";
import { basicAuthHeader } from "@/lib/oauth2/basic-auth";
import { s256 } from "@/lib/oauth2/pkce";
import { startPlatform } from "../test-server";

/**
 * What the client libraries people use send to the OAuth 2.0 endpoints, each accepted as X
 * accepts it (the libraries work against api.x.com), and the conflicts that stay refused. The
 * suite in e2e/clients runs the libraries themselves; these pin each wire form down.
 */
let server: Awaited<ReturnType<typeof startPlatform>>;
let web: Awaited<ReturnType<typeof seedOAuth2App>>;
let native: Awaited<ReturnType<typeof seedOAuth2App>>;

beforeAll(async () => {
  server = await startPlatform();
  web = await seedOAuth2App(getDb(), "web");
  native = await seedOAuth2App(getDb(), "native");
});
afterAll(() => server.close());

type Fx = typeof web;
const basic = (fx: Fx) => basicAuthHeader(fx.app.clientId, fx.clientSecret!);

async function call(path: string, init: { body?: string; headers?: Record<string, string>; query?: Record<string, string> }) {
  const url = new URL(`${server.base}${path}`);
  for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
  const res = await fetch(url, { method: "POST", headers: init.headers, body: init.body });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

/** A code for `fx`'s user, approved with the given verifier and challenge method. */
function codeFor(fx: Fx, verifier: string, method: "S256" | "s256" | "plain" = "S256") {
  const challenge = method === "plain" ? verifier : s256(verifier);
  return approveAndGetCode(getDb(), fx.user.id, authorizeParams(fx.app.clientId, { code_challenge: challenge, code_challenge_method: method }));
}

const VERIFIER_128 = "v".repeat(64) + "A".repeat(64);

describe("twitter-api-v2 1.29: JSON bodies, Basic plus client_id and client_secret in the body", () => {
  const json = (fx: Fx, body: Record<string, string | undefined>) => ({
    body: JSON.stringify(body),
    headers: { "content-type": "application/json;charset=UTF-8", ...(fx.clientSecret ? { authorization: basic(fx) } : {}) },
  });

  it.each([["web"], ["native"]] as const)("%s App: loginWithOAuth2 → refreshOAuth2Token → revokeOAuth2Token", async (kind) => {
    const fx = kind === "web" ? web : native;
    const secret = fx.clientSecret ?? undefined;
    const code = codeFor(fx, VERIFIER_128, "s256");
    const token = await call(
      "/2/oauth2/token",
      json(fx, { code, code_verifier: VERIFIER_128, redirect_uri: REDIRECT, grant_type: "authorization_code", client_id: fx.app.clientId, client_secret: secret }),
    );
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: "bearer", expires_in: 7200, scope: "tweet.read users.read offline.access" });

    const refreshed = await call(
      "/2/oauth2/token",
      json(fx, { refresh_token: token.body.refresh_token, grant_type: "refresh_token", client_id: fx.app.clientId, client_secret: secret }),
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(token.body.refresh_token);

    const revoked = await call(
      "/2/oauth2/revoke",
      json(fx, { client_id: fx.app.clientId, client_secret: secret, token: refreshed.body.access_token, token_type_hint: "access_token" }),
    );
    expect(revoked).toEqual({ status: 200, body: { revoked: true } });
  });

  it("a body client_secret that differs from the Basic one is refused, and the code is not spent", async () => {
    const code = codeFor(web, VERIFIER_128);
    const params = { code, code_verifier: VERIFIER_128, redirect_uri: REDIRECT, grant_type: "authorization_code", client_id: web.app.clientId };
    const wrong = await call("/2/oauth2/token", json(web, { ...params, client_secret: "not-the-secret" }));
    expect(wrong).toEqual({
      status: 400,
      body: { error: "invalid_request", error_description: "Value passed for the client secret did not match the authorization header." },
    });
    const otherId = await call("/2/oauth2/token", json(web, { ...params, client_id: native.app.clientId }));
    expect(otherId.body.error_description).toBe("Value passed for the client id did not match the authorization header.");
    expect((await call("/2/oauth2/token", json(web, { ...params, client_secret: web.clientSecret! }))).status).toBe(200);
  });

  it("a client_secret in the body instead of Basic stays refused (X refuses client_secret_post)", async () => {
    const res = await call("/2/oauth2/token", {
      body: JSON.stringify({ grant_type: "refresh_token", refresh_token: "x", client_id: web.app.clientId, client_secret: web.clientSecret }),
      headers: { "content-type": "application/json" },
    });
    expect(res).toMatchObject({ status: 401, body: { error: "unauthorized_client", error_description: "Missing valid authorization header" } });
  });

  it("a JSON body that is not an object of parameters → invalid_request", async () => {
    const res = await call("/2/oauth2/token", { body: "[1,2]", headers: { "content-type": "application/json", authorization: basic(web) } });
    expect(res).toEqual({ status: 400, body: { error: "invalid_request", error_description: "The request body is not a valid JSON object of parameters." } });
  });
});

describe("X's twitter-api-sdk 1.2: parameters in the query string, an empty form body", () => {
  const queryCall = (path: string, fx: Fx, query: Record<string, string>) =>
    call(path, {
      query,
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": "0", ...(fx.clientSecret ? { authorization: basic(fx) } : {}) },
    });

  it.each([["web"], ["native"]] as const)("%s App: requestAccessToken (plain) → refreshAccessToken → revokeAccessToken", async (kind) => {
    const fx = kind === "web" ? web : native;
    // The SDK's `plain` method uses the challenge the caller chose as the verifier.
    const code = codeFor(fx, "challenge", "plain");
    const token = await queryCall("/2/oauth2/token", fx, { code, grant_type: "authorization_code", code_verifier: "challenge", client_id: fx.app.clientId, redirect_uri: REDIRECT });
    expect(token.status).toBe(200);
    const refreshed = await queryCall("/2/oauth2/token", fx, { client_id: fx.app.clientId, grant_type: "refresh_token", refresh_token: token.body.refresh_token! });
    expect(refreshed.status).toBe(200);
    const revoked = await queryCall("/2/oauth2/revoke", fx, { token_type_hint: "access_token", token: refreshed.body.access_token!, client_id: fx.app.clientId });
    expect(revoked).toEqual({ status: 200, body: { revoked: true } });
  });

  it("a parameter in the query string and the body is refused as repeated", async () => {
    const res = await call("/2/oauth2/token", {
      query: { grant_type: "refresh_token" },
      body: "grant_type=refresh_token&refresh_token=x",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(web) },
    });
    expect(res).toEqual({ status: 400, body: { error: "invalid_request", error_description: "Parameter [grant_type] was sent more than once." } });
  });
});

describe("tweepy 4.x (oauthlib): a 171-character code_verifier", () => {
  it("exchanges a code whose verifier is secrets.token_urlsafe(128)", async () => {
    const verifier = "Ab0-_".repeat(34) + "Z"; // 171 characters of token_urlsafe's alphabet
    const code = codeFor(native, verifier);
    const res = await call("/2/oauth2/token", {
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier, client_id: native.app.clientId }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
  });

  it("a verifier past 256 characters is refused", async () => {
    const code = codeFor(native, "a".repeat(257));
    const res = await call("/2/oauth2/token", {
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: "a".repeat(257), client_id: native.app.clientId }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.body).toEqual({ error: "invalid_request", error_description: "Value passed for the code verifier did not match the code challenge." });
  });
});

describe("node-oauth (passport-oauth2, @superfaceai/passport-twitter-oauth2)", () => {
  it("a public client's empty client_secret is taken as absent", async () => {
    const code = codeFor(native, VERIFIER_128);
    const res = await call("/2/oauth2/token", {
      body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER_128, client_id: native.app.clientId, client_secret: "" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
  });

  it("a confidential client's Basic plus the same client_id and client_secret in the form body", async () => {
    const code = codeFor(web, VERIFIER_128);
    const form = { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER_128, client_id: web.app.clientId, client_secret: web.clientSecret! };
    const res = await call("/2/oauth2/token", { body: new URLSearchParams(form).toString(), headers: { "content-type": "application/x-www-form-urlencoded", authorization: basic(web) } });
    expect(res.status).toBe(200);
  });
});

describe("the authorize request", () => {
  it.each(["s256", "S256", "plain", "PLAIN"])("code_challenge_method=%s is accepted and stored as RFC 7636 spells it", (method) => {
    const challenge = method.toLowerCase() === "s256" ? s256(VERIFIER_128) : VERIFIER_128;
    const outcome = checkAuthorizeRequest(getDb(), authorizeParams(web.app.clientId, { code_challenge: challenge, code_challenge_method: method }));
    expect(outcome.kind).toBe("consent");
    if (outcome.kind === "consent") expect(outcome.request.code_challenge_method).toBe(method.toLowerCase() === "s256" ? "S256" : "plain");
  });

  it("an unknown method still goes back with invalid_request", () => {
    const outcome = checkAuthorizeRequest(getDb(), authorizeParams(web.app.clientId, { code_challenge_method: "S512" }));
    expect(outcome).toEqual({ kind: "redirect", url: `${REDIRECT}?error=invalid_request&state=state-123` });
  });
});

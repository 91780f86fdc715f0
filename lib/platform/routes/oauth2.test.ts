import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { approveAuthorization } from "@/lib/domain/oauth2/authorize";
import { resolveBearer, resolveOAuth2AccessToken } from "@/lib/domain/oauth2/resolve";
import { authorizeParams, REDIRECT, seedOAuth2App } from "@/lib/domain/oauth2/test-helpers";
import { basicAuthHeader } from "@/lib/oauth2/basic-auth";
import { startPlatform } from "../test-server";

let server: Awaited<ReturnType<typeof startPlatform>>;
let as: oauth.AuthorizationServer;
const insecure = { [oauth.allowInsecureRequests]: true };

beforeAll(async () => {
  server = await startPlatform();
  as = {
    issuer: server.base,
    authorization_endpoint: `${server.base}/i/oauth2/authorize`,
    token_endpoint: `${server.base}/2/oauth2/token`,
    revocation_endpoint: `${server.base}/2/oauth2/revoke`,
    introspection_endpoint: `${server.base}/2/oauth2/introspect`,
  };
});
afterAll(() => server.close());

type Fixture = Awaited<ReturnType<typeof seedOAuth2App>>;

/** The consent step (approved through the domain, as the browser would), then the client's callback. */
async function authorize(fx: Fixture, opts: { scope?: string; now?: number } = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const params = authorizeParams(fx.app.clientId, {
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    ...(opts.scope ? { scope: opts.scope } : {}),
  });
  const outcome = approveAuthorization(getDb(), fx.user.id, params, opts.now);
  if (outcome.kind !== "redirect") throw new Error(outcome.kind);
  const callback = oauth.validateAuthResponse(as, { client_id: fx.app.clientId }, new URL(outcome.url), state);
  return { verifier, callback };
}

const authOf = (fx: Fixture) => (fx.clientSecret ? oauth.ClientSecretBasic(fx.clientSecret) : oauth.None());

async function exchange(fx: Fixture, flow: { verifier: string; callback: URLSearchParams }, redirect = REDIRECT) {
  const client = { client_id: fx.app.clientId };
  const res = await oauth.authorizationCodeGrantRequest(as, client, authOf(fx), flow.callback, redirect, flow.verifier, insecure);
  return oauth.processAuthorizationCodeResponse(as, client, res);
}

async function refresh(fx: Fixture, refreshToken: string) {
  const client = { client_id: fx.app.clientId };
  const res = await oauth.refreshTokenGrantRequest(as, client, authOf(fx), refreshToken, insecure);
  return oauth.processRefreshTokenResponse(as, client, res);
}

async function introspect(caller: Fixture, token: string) {
  const client = { client_id: caller.app.clientId };
  const res = await oauth.introspectionRequest(as, client, oauth.ClientSecretBasic(caller.clientSecret!), token, insecure);
  return oauth.processIntrospectionResponse(as, client, res);
}

/** The protocol error a promise rejects with, as the client library reports it. */
async function rejection(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof oauth.ResponseBodyError)) throw err ?? new Error("expected a rejection");
  return { status: err.status, error: err.error, error_description: err.error_description };
}

describe.each(["native", "web"] as const)("authorization code flow, %s client, with oauth4webapi", (appType) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await seedOAuth2App(getDb(), appType);
  });

  it("exchanges a code, then refreshes twice with rotation", async () => {
    const tokens = await exchange(fx, await authorize(fx));
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 7200, scope: "tweet.read users.read offline.access" });
    expect(resolveOAuth2AccessToken(getDb(), tokens.access_token)?.user?.id).toBe(fx.user.id);

    const second = await refresh(fx, tokens.refresh_token!);
    const third = await refresh(fx, second.refresh_token!);
    expect(third.refresh_token).not.toBe(second.refresh_token);
    expect(resolveOAuth2AccessToken(getDb(), third.access_token)).not.toBeNull();

    expect(await rejection(refresh(fx, tokens.refresh_token!))).toEqual({
      status: 400,
      error: "invalid_request",
      error_description: "Value passed for the token was invalid.",
    });
    expect(resolveOAuth2AccessToken(getDb(), third.access_token)).toBeNull();
    expect((await rejection(refresh(fx, third.refresh_token!))).error_description).toBe("Value passed for the token was invalid.");
  });

  it("no refresh token without offline.access", async () => {
    const tokens = await exchange(fx, await authorize(fx, { scope: "tweet.read users.read" }));
    expect(tokens.refresh_token).toBeUndefined();
  });

  it("an expired code (issued 31 s ago) is refused", async () => {
    const flow = await authorize(fx, { now: Date.now() - 31_000 });
    expect(await rejection(exchange(fx, flow))).toEqual({
      status: 400,
      error: "invalid_request",
      error_description: "Value passed for the authorization code was invalid.",
    });
  });

  it("a replayed code is refused and revokes the tokens it issued", async () => {
    const flow = await authorize(fx);
    const tokens = await exchange(fx, flow);
    expect((await rejection(exchange(fx, flow))).error_description).toBe("Value passed for the authorization code was invalid.");
    expect(resolveOAuth2AccessToken(getDb(), tokens.access_token)).toBeNull();
  });

  it("a redirect_uri other than the authorization's is refused", async () => {
    expect(await rejection(exchange(fx, await authorize(fx), "myapp://callback/path"))).toEqual({
      status: 400,
      error: "invalid_request",
      error_description: "Value passed for the redirect uri did not match the uri of the authorization code.",
    });
  });

  it("a wrong code_verifier is refused", async () => {
    const flow = await authorize(fx);
    expect(await rejection(exchange(fx, { ...flow, verifier: oauth.generateRandomCodeVerifier() }))).toEqual({
      status: 400,
      error: "invalid_request",
      error_description: "Value passed for the code verifier did not match the code challenge.",
    });
  });

  it("revokes an access token, then a refresh token ends the family", async () => {
    const tokens = await exchange(fx, await authorize(fx));
    const client = { client_id: fx.app.clientId };
    const revoke = async (token: string) => {
      const res = await oauth.revocationRequest(as, client, authOf(fx), token, insecure);
      expect(await res.clone().json()).toEqual({ revoked: true });
      await oauth.processRevocationResponse(res);
    };
    await revoke(tokens.access_token);
    expect(resolveOAuth2AccessToken(getDb(), tokens.access_token)).toBeNull();
    const next = await refresh(fx, tokens.refresh_token!);
    await revoke(next.refresh_token!);
    expect(resolveOAuth2AccessToken(getDb(), next.access_token)).toBeNull();
    await revoke("not-a-token");
  });
});

describe("introspection over HTTP", () => {
  it("an App introspects tokens of its own developer account only", async () => {
    const fx = await seedOAuth2App(getDb(), "web");
    const stranger = await seedOAuth2App(getDb(), "web");
    const tokens = await exchange(fx, await authorize(fx));
    const info = await introspect(fx, tokens.access_token);
    expect(info).toMatchObject({ active: true, scope: "tweet.read users.read offline.access", client_id: fx.app.clientId, sub: fx.user.id });
    expect(info.username).toBe(fx.user.username);
    expect(await introspect(stranger, tokens.access_token)).toEqual({ active: false });
    expect(await introspect(fx, "garbage")).toEqual({ active: false });

    const byApiKey = await oauth.introspectionRequest(
      as,
      { client_id: fx.secrets.apiKey },
      oauth.ClientSecretBasic(fx.secrets.apiKeySecret),
      tokens.access_token,
      insecure,
    );
    expect(await byApiKey.json()).toMatchObject({ active: true, sub: fx.user.id });
  });
});

describe("app-only bearer tokens over HTTP", () => {
  it("client_credentials returns the same bearer twice; invalidate stops it", async () => {
    const fx = await seedOAuth2App(getDb(), "bot");
    const appOnly = { ...as, token_endpoint: `${server.base}/oauth2/token` };
    const client = { client_id: fx.secrets.apiKey };
    const grant = async () => {
      const res = await oauth.clientCredentialsGrantRequest(appOnly, client, oauth.ClientSecretBasic(fx.secrets.apiKeySecret), {}, insecure);
      expect(res.headers.get("cache-control")).toBe("no-store");
      return oauth.processClientCredentialsResponse(appOnly, client, res);
    };
    const first = await grant();
    expect(first).toMatchObject({ token_type: "bearer", access_token: fx.secrets.bearerToken });
    expect((await grant()).access_token).toBe(first.access_token);

    const invalidate = await fetch(`${server.base}/oauth2/invalidate_token`, {
      method: "POST",
      headers: { authorization: basicAuthHeader(fx.secrets.apiKey, fx.secrets.apiKeySecret), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ access_token: first.access_token }),
    });
    expect(invalidate.status).toBe(200);
    expect(await invalidate.json()).toEqual({ access_token: first.access_token });
    expect(resolveBearer(getDb(), first.access_token)).toBeNull();
    const again = await grant();
    expect(again.access_token).not.toBe(first.access_token);
    expect(resolveBearer(getDb(), again.access_token)?.app.id).toBe(fx.app.id);
  });
});

import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apps, credentials, oauth2Tokens } from "@/db/schema";
import { approveAndGetCode, authorizeParams, REDIRECT, seedOAuth2App, VERIFIER } from "@/lib/domain/oauth2/test-helpers";
import { basicAuthHeader } from "@/lib/oauth2/basic-auth";
import { configureTokenRateLimit, TOKEN_RATE_LIMIT } from "@/lib/platform/quota";
import { startPlatform } from "../test-server";

let server: Awaited<ReturnType<typeof startPlatform>>;
let web: Awaited<ReturnType<typeof seedOAuth2App>>;
let native: Awaited<ReturnType<typeof seedOAuth2App>>;
const FORM = "application/x-www-form-urlencoded";

beforeAll(async () => {
  server = await startPlatform();
  web = await seedOAuth2App(getDb(), "web");
  native = await seedOAuth2App(getDb(), "native");
});
afterAll(() => server.close());
afterEach(() => configureTokenRateLimit(TOKEN_RATE_LIMIT));

const count = (table: typeof oauth2Tokens | typeof credentials) =>
  getDb().select({ n: sql<number>`count(*)` }).from(table).get()!.n;

async function post(path: string, body: string | URLSearchParams, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.base}${path}`, { method: "POST", headers: { "content-type": FORM, ...headers }, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> };
}

const webAuth = () => ({ authorization: basicAuthHeader(web.app.clientId, web.clientSecret!) });
const codeForm = (code: string, extra: Record<string, string> = {}) =>
  new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER, ...extra });

describe("POST /2/oauth2/token refuses bad input with RFC 6749 bodies and writes nothing", () => {
  it.each([
    ["no Authorization header (confidential)", () => codeForm("c", { client_id: web.app.clientId }), {}, 401, "unauthorized_client", "Missing valid authorization header"],
    ["malformed Basic header", () => codeForm("c"), { authorization: "Basic not*base64" }, 401, "unauthorized_client", "Missing valid authorization header"],
    ["client_secret in the body", () => codeForm("c", { client_secret: "x" }), null, 400, "invalid_request", null],
    ["unknown grant type", () => new URLSearchParams({ grant_type: "password" }), null, 400, "unsupported_grant_type", null],
    ["missing grant type", () => new URLSearchParams({ code: "c" }), null, 400, "invalid_request", "Missing required parameter [grant_type]."],
    ["missing code_verifier", () => new URLSearchParams({ grant_type: "authorization_code", code: "c", redirect_uri: REDIRECT }), null, 400, "invalid_request", "Missing required parameter [code_verifier]."],
    ["repeated parameter", () => "grant_type=authorization_code&code=a&code=b", null, 400, "invalid_request", "Parameter [code] was sent more than once."],
    ["huge value", () => codeForm("x".repeat(5000)), null, 400, "invalid_request", "Value passed for the code was invalid."],
  ])("%s", async (_name, body, headers, status, error, description) => {
    const tokensBefore = count(oauth2Tokens);
    const res = await post("/2/oauth2/token", body(), headers ?? webAuth());
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
    if (description) expect(res.body.error_description).toBe(description);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(count(oauth2Tokens)).toBe(tokensBefore);
  });

  it("wrong content type, empty and oversized bodies", async () => {
    const text = await fetch(`${server.base}/2/oauth2/token`, { method: "POST", headers: { "content-type": "text/plain", ...webAuth() }, body: "grant_type=refresh_token" });
    expect(text.status).toBe(400);
    expect(await text.json()).toMatchObject({ error: "invalid_request", error_description: "Content-Type must be application/x-www-form-urlencoded." });
    const empty = await fetch(`${server.base}/2/oauth2/token`, { method: "POST", headers: webAuth() });
    expect(empty.status).toBe(400);
    const huge = await post("/2/oauth2/token", `grant_type=refresh_token&refresh_token=${"x".repeat(100_000)}`, webAuth());
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe("invalid_request");
  });

  it("a valid code is not spent by a request that fails client authentication", async () => {
    const code = approveAndGetCode(getDb(), web.user.id, authorizeParams(web.app.clientId));
    expect((await post("/2/oauth2/token", codeForm(code, { client_id: web.app.clientId }))).status).toBe(401);
    expect((await post("/2/oauth2/token", codeForm(code), { authorization: basicAuthHeader(web.app.clientId, "wrong") })).status).toBe(401);
    const ok = await post("/2/oauth2/token", codeForm(code), webAuth());
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(ok.body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "scope", "token_type"]);
  });

  it("a suspended App's client is refused with invalid_client", async () => {
    const code = approveAndGetCode(getDb(), native.user.id, authorizeParams(native.app.clientId));
    getDb().update(apps).set({ status: "suspended" }).where(sql`${apps.id} = ${native.app.id}`).run();
    const res = await post("/2/oauth2/token", codeForm(code, { client_id: native.app.clientId }));
    getDb().update(apps).set({ status: "active" }).where(sql`${apps.id} = ${native.app.id}`).run();
    expect(res).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });

  it("rate limits per client with X's 429 problem body", async () => {
    configureTokenRateLimit({ points: 2, duration: 60 });
    const form = () => new URLSearchParams({ grant_type: "refresh_token", refresh_token: "x", client_id: native.app.clientId });
    expect((await post("/2/oauth2/token", form())).status).toBe(400);
    expect((await post("/2/oauth2/token", form())).status).toBe(400);
    const limited = await post("/2/oauth2/token", form());
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ title: "Too Many Requests", detail: "Too Many Requests", type: "about:blank", status: 429 });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const otherClient = new URLSearchParams({ grant_type: "refresh_token", refresh_token: "x", client_id: web.app.clientId });
    expect((await post("/2/oauth2/token", otherClient)).status).toBe(401);
  });
});

describe("revoke and introspect refusals", () => {
  it("revoke without client authentication, or without token", async () => {
    expect(await post("/2/oauth2/revoke", new URLSearchParams({ token: "x", client_id: web.app.clientId }))).toMatchObject({
      status: 401,
      body: { error: "unauthorized_client" },
    });
    expect(await post("/2/oauth2/revoke", new URLSearchParams({ client_id: native.app.clientId }))).toMatchObject({
      status: 400,
      body: { error: "invalid_request", error_description: "Missing required parameter [token]." },
    });
  });

  it("introspect needs the caller App's credentials", async () => {
    expect((await post("/2/oauth2/introspect", new URLSearchParams({ token: "x" }))).status).toBe(401);
    const wrong = await post("/2/oauth2/introspect", new URLSearchParams({ token: "x" }), { authorization: basicAuthHeader(web.secrets.apiKey, "nope") });
    expect(wrong).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });
});

describe("app-only endpoints answer X's 403 code 99", () => {
  const CODE_99 = { errors: [{ code: 99, label: "authenticity_token_error", message: "Unable to verify your credentials" }] };
  const key = () => basicAuthHeader(web.secrets.apiKey, web.secrets.apiKeySecret);

  it.each([
    ["wrong secret", () => basicAuthHeader(web.secrets.apiKey, "wrong"), "grant_type=client_credentials", FORM],
    ["no credentials", () => "", "grant_type=client_credentials", FORM],
    ["malformed Basic", () => "Basic ###", "grant_type=client_credentials", FORM],
    ["wrong grant type", key, "grant_type=password", FORM],
    ["repeated grant type", key, "grant_type=client_credentials&grant_type=client_credentials", FORM],
    ["JSON body", key, '{"grant_type":"client_credentials"}', "application/json"],
    ["oversized body", key, `grant_type=client_credentials&x=${"y".repeat(50_000)}`, FORM],
  ])("/oauth2/token: %s", async (_name, auth, body, contentType) => {
    const before = count(credentials);
    const res = await post("/oauth2/token", body, { authorization: auth(), "content-type": contentType });
    expect(res).toMatchObject({ status: 403, body: CODE_99 });
    expect(count(credentials)).toBe(before);
  });

  it("accepts X's documented request (charset, grant_type in the query string too)", async () => {
    const res = await post("/oauth2/token", "grant_type=client_credentials", { authorization: key(), "content-type": `${FORM};charset=UTF-8` });
    expect(res).toMatchObject({ status: 200, body: { token_type: "bearer", access_token: web.secrets.bearerToken } });
    const q = await fetch(`${server.base}/oauth2/token?grant_type=client_credentials`, { method: "POST", headers: { authorization: key() } });
    expect(await q.json()).toEqual({ token_type: "bearer", access_token: web.secrets.bearerToken });
  });

  it("/oauth2/invalidate_token refuses another App's or an unknown token", async () => {
    const other = basicAuthHeader(native.secrets.apiKey, native.secrets.apiKeySecret);
    expect(await post("/oauth2/invalidate_token", new URLSearchParams({ access_token: web.secrets.bearerToken }), { authorization: other })).toMatchObject({
      status: 403,
      body: CODE_99,
    });
    expect(await post("/oauth2/invalidate_token", new URLSearchParams({ access_token: "AAAA" }), { authorization: key() })).toMatchObject({ status: 403 });
    expect(await post("/oauth2/invalidate_token", new URLSearchParams({}), { authorization: key() })).toMatchObject({ status: 403 });
  });
});

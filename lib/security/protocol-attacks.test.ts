/**
 * Protocol attacks against the platform over real HTTP: open redirects through every redirecting
 * parameter, PKCE downgrade, code injection, code and refresh-token replay, nonce replay, and
 * a source check that secrets are compared in constant time.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { seedApp } from "@/db/test-seed";
import { approveRequestToken } from "@/lib/domain/oauth1";
import { approveAuthorization, checkAuthorizeRequest } from "@/lib/domain/oauth2/authorize";
import { resolveOAuth2AccessToken } from "@/lib/domain/oauth2/resolve";
import { approveAndGetCode, authorizeParams, REDIRECT, seedOAuth2App, VERIFIER } from "@/lib/domain/oauth2/test-helpers";
import { basicAuthHeader } from "@/lib/oauth2/basic-auth";
import { s256 } from "@/lib/oauth2/pkce";
import { isSameOriginPost } from "@/lib/oauth2/same-origin";
import { oauth1aClient, startPlatform, type Credentials } from "@/lib/platform/routes/oauth1-test-support";
import { changedTables, snapshot } from "./db-snapshot";

let platform: { base: string; close: () => Promise<void> };
let web: Awaited<ReturnType<typeof seedOAuth2App>>;
let other: Awaited<ReturnType<typeof seedOAuth2App>>;
let native: Awaited<ReturnType<typeof seedOAuth2App>>;
let consumer: Credentials;

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  web = await seedOAuth2App(db, "web");
  other = await seedOAuth2App(db, "web");
  native = await seedOAuth2App(db, "native");
  const o1 = await seedApp(db, `o1atk${Date.now().toString(36).slice(-5)}`, { settings: { oauth1Enabled: true, callbackUrls: [REDIRECT] } });
  consumer = { key: o1.secrets.apiKey, secret: o1.secrets.apiKeySecret };
});
afterAll(() => platform.close());

const REGISTERED = new URL(REDIRECT); // https://client.example/callback
const lookalikeHost = "clіent.example"; // Cyrillic і (U+0456)

/** redirect_uri / oauth_callback values that must never be accepted for https://client.example/callback. */
const HOSTILE_CALLBACKS: Array<[string, string]> = [
  ["registered host as a subdomain prefix", "https://client.example.evil.com/callback"],
  ["registered host as userinfo", "https://client.example@evil.com/callback"],
  ["userinfo in front of the registered host", "https://evil.com@client.example/callback"],
  ["@ inside the path", "https://client.example/callback@evil.com"],
  ["dot segments", "https://client.example/callback/../../evil"],
  ["encoded dot segments", "https://client.example/callback%2F..%2F..%2Fevil"],
  ["backslash userinfo trick", "https://client.example\\@evil.com/callback"],
  ["backslash path", "https://client.example/callback\\..\\evil"],
  ["encoded slash in the host", "https://client.example%2F@evil.com/callback"],
  ["encoded @ in the host", "https://client.example%40evil.com/callback"],
  ["protocol-relative", "//evil.com"],
  ["protocol-relative to the registered host", "//client.example/callback"],
  ["slash-backslash", "/\\evil.com"],
  ["relative path", "/callback"],
  ["fragment", "https://client.example/callback#@evil.com"],
  ["trailing slash", "https://client.example/callback/"],
  ["tab inside", "https://client.example/call\tback"],
  ["newline inside", "https://client.example/callback\n"],
  ["upper-case host and path", "HTTPS://CLIENT.EXAMPLE/CALLBACK"],
  ["mixed-case host", "https://Client.Example/callback"],
  ["scheme downgrade", "http://client.example/callback"],
  ["explicit default port", "https://client.example:443/callback"],
  ["other port", "https://client.example:8443/callback"],
  ["javascript: with the URL as a comment", "javascript:alert(1)//client.example/callback"],
  ["upper-case javascript:", "JAVASCRIPT:alert(1)//https://client.example/callback"],
  ["encoded javascript:", "javascript%3Aalert(1)"],
  ["data: URL", "data:text/html,<script>alert(1)</script>"],
  ["IDN look-alike host", `https://${lookalikeHost}/callback`],
  ["punycode look-alike host", `https://${new URL(`https://${lookalikeHost}/`).hostname}/callback`],
  ["registered URL with a NUL", "https://client.example/callback\u0000.evil.com"],
];

const formPost = (url: string, body: URLSearchParams | string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });

async function exchange(client: { id: string; secret: string | null }, params: Record<string, string>) {
  const headers: Record<string, string> = client.secret ? { authorization: basicAuthHeader(client.id, client.secret) } : {};
  const body = new URLSearchParams(client.secret ? params : { client_id: client.id, ...params });
  const res = await formPost(`${platform.base}/2/oauth2/token`, body, headers);
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const webClient = () => ({ id: web.app.clientId, secret: web.clientSecret });
const codeParams = (code: string, extra: Record<string, string> = {}) => ({
  grant_type: "authorization_code",
  code,
  redirect_uri: REDIRECT,
  code_verifier: VERIFIER,
  ...extra,
});

describe("open redirects", () => {
  it("the punycode case really is the look-alike host", () => {
    expect(new URL(`https://${lookalikeHost}/`).hostname).toMatch(/^xn--/);
  });

  it.each(HOSTILE_CALLBACKS)("OAuth 2.0 redirect_uri: %s → X's error page, never a redirect, nothing stored", (_name, uri) => {
    const db = getDb();
    const before = snapshot(db);
    expect(checkAuthorizeRequest(db, authorizeParams(web.app.clientId, { redirect_uri: uri })).kind).toBe("error-page");
    expect(approveAuthorization(db, web.user.id, authorizeParams(web.app.clientId, { redirect_uri: uri })).kind).toBe("error-page");
    expect(changedTables(before, snapshot(db))).toEqual([]);
  });

  it.each(HOSTILE_CALLBACKS)("OAuth 1.0a oauth_callback: %s → 403 code 415, nothing stored", async (_name, callback) => {
    const before = snapshot(getDb());
    const res = await fetch(...oauth1aClient(consumer).sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: callback }, undefined, { accept: "application/json" }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(415);
    // The nonce is the only row a refused signed request may leave (replay protection).
    expect(changedTables(before, snapshot(getDb())).filter((t) => t !== "oauth1_nonces")).toEqual([]);
  });

  it("OAuth 1.0a: a query string on the registered callback is kept, and the redirect stays on the registered origin", async () => {
    for (const callback of [`${REDIRECT}?next=https://evil.com/`, `${REDIRECT}?@evil.com`, `${REDIRECT}?x=1&oauth_verifier=forged`]) {
      const res = await fetch(...oauth1aClient(consumer).sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: callback }));
      expect(res.status).toBe(200);
      const token = new URLSearchParams(await res.text()).get("oauth_token")!;
      const outcome = approveRequestToken(getDb(), { rawToken: token, userId: web.user.id });
      expect(outcome.kind).toBe("redirect");
      const url = new URL((outcome as { url: string }).url);
      expect(url.origin).toBe(REGISTERED.origin);
      expect(url.pathname).toBe(REGISTERED.pathname);
      expect(url.searchParams.getAll("oauth_verifier")).toHaveLength(callback.includes("oauth_verifier=forged") ? 2 : 1);
      expect(url.searchParams.getAll("oauth_verifier").at(-1)).not.toBe("forged");
    }
  });

  it("OAuth 2.0: a code issued for the registered redirect_uri cannot be redeemed with a hostile one", async () => {
    for (const [, uri] of HOSTILE_CALLBACKS.slice(0, 6)) {
      const code = approveAndGetCode(getDb(), web.user.id, authorizeParams(web.app.clientId));
      const res = await exchange(webClient(), codeParams(code, { redirect_uri: uri }));
      expect(res.status).toBe(400);
      expect(res.body.access_token).toBeUndefined();
    }
  });
});

describe("PKCE downgrade", () => {
  it("a code issued with S256 is refused when the challenge itself is sent as a plain verifier, and is spent", async () => {
    const code = approveAndGetCode(getDb(), web.user.id, authorizeParams(web.app.clientId));
    const downgrade = await exchange(webClient(), codeParams(code, { code_verifier: s256(VERIFIER) }));
    expect(downgrade).toEqual({
      status: 400,
      body: { error: "invalid_request", error_description: "Value passed for the code verifier did not match the code challenge." },
    });
    expect((await exchange(webClient(), codeParams(code))).status).toBe(400);
  });

  it.each([
    ["no code_verifier", { code_verifier: undefined }],
    ["an empty code_verifier", { code_verifier: "" }],
    ["a verifier of another flow", { code_verifier: "x".repeat(43) }],
    ["a too-long verifier", { code_verifier: VERIFIER.repeat(4) }],
    ["a second code_challenge_method in the token request", { code_challenge_method: "plain", code_verifier: s256(VERIFIER) }],
  ])("%s → refused, no tokens", async (_name, extra) => {
    const code = approveAndGetCode(getDb(), web.user.id, authorizeParams(web.app.clientId));
    const params: Record<string, string> = codeParams(code);
    for (const [k, v] of Object.entries(extra)) {
      if (v === undefined) delete params[k];
      else params[k] = v;
    }
    const res = await exchange(webClient(), params);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_request");
    expect(res.body.access_token).toBeUndefined();
  });

  it("an authorize request cannot pair S256 with a challenge that is not a SHA-256 (an error redirect back, no code)", () => {
    const outcome = approveAuthorization(getDb(), web.user.id, authorizeParams(web.app.clientId, { code_challenge: VERIFIER.slice(0, 20) }));
    expect(outcome.kind).toBe("redirect");
    expect(new URL((outcome as { url: string }).url).searchParams.get("code")).toBeNull();
  });
});

describe("code injection and replay", () => {
  it("another client cannot redeem (or burn) a client's code", async () => {
    const code = approveAndGetCode(getDb(), web.user.id, authorizeParams(web.app.clientId));
    const stolen = await exchange({ id: other.app.clientId, secret: other.clientSecret }, codeParams(code));
    expect(stolen.status).toBe(400);
    expect(stolen.body.error).toBe("invalid_request");
    const publicThief = await exchange({ id: native.app.clientId, secret: null }, codeParams(code));
    expect(publicThief.status).toBe(400);
    // Claiming to be the confidential client without its secret is a client-authentication failure.
    const noSecret = await formPost(`${platform.base}/2/oauth2/token`, new URLSearchParams({ client_id: web.app.clientId, ...codeParams(code) }));
    expect(noSecret.status).toBe(401);
    expect(((await noSecret.json()) as { error: string }).error).toBe("unauthorized_client");
    // The rightful client still redeems it.
    expect((await exchange(webClient(), codeParams(code))).status).toBe(200);
  });

  it("a replayed code is refused and revokes the tokens it issued", async () => {
    const code = approveAndGetCode(getDb(), web.user.id, authorizeParams(web.app.clientId));
    const first = await exchange(webClient(), codeParams(code));
    expect(first.status).toBe(200);
    expect(resolveOAuth2AccessToken(getDb(), first.body.access_token!)).not.toBeNull();
    expect((await exchange(webClient(), codeParams(code))).status).toBe(400);
    expect(resolveOAuth2AccessToken(getDb(), first.body.access_token!)).toBeNull();
  });

  it("a replayed refresh token is refused and ends the whole family", async () => {
    const code = approveAndGetCode(getDb(), web.user.id, authorizeParams(web.app.clientId));
    const first = await exchange(webClient(), codeParams(code));
    const refresh = (token: string) => exchange(webClient(), { grant_type: "refresh_token", refresh_token: token });
    const second = await refresh(first.body.refresh_token!);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    const replay = await refresh(first.body.refresh_token!);
    expect(replay).toEqual({ status: 400, body: { error: "invalid_request", error_description: "Value passed for the token was invalid." } });
    expect(resolveOAuth2AccessToken(getDb(), second.body.access_token!)).toBeNull();
    expect((await refresh(second.body.refresh_token!)).status).toBe(400);
  });

  it("a refresh token is useless to another client", async () => {
    const code = approveAndGetCode(getDb(), web.user.id, authorizeParams(web.app.clientId));
    const first = await exchange(webClient(), codeParams(code));
    const stolen = await exchange({ id: other.app.clientId, secret: other.clientSecret }, { grant_type: "refresh_token", refresh_token: first.body.refresh_token! });
    expect(stolen.status).toBe(400);
    expect(resolveOAuth2AccessToken(getDb(), first.body.access_token!)).not.toBeNull();
  });
});

describe("OAuth 1.0a nonce replay", () => {
  it("the same signed request twice: the second is 401 code 32 (request_token and verify_credentials)", async () => {
    const signed = oauth1aClient(consumer).sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: "oob" });
    expect((await fetch(...signed)).status).toBe(200);
    const replay = await fetch(...signed);
    expect([replay.status, await replay.json()]).toEqual([401, { errors: [{ code: 32, message: "Could not authenticate you." }] }]);

    const rt = new URLSearchParams(await (await fetch(...oauth1aClient(consumer).sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: "oob" }))).text());
    const pin = approveRequestToken(getDb(), { rawToken: rt.get("oauth_token")!, userId: web.user.id });
    const token = { key: rt.get("oauth_token")!, secret: rt.get("oauth_token_secret")! };
    const at = new URLSearchParams(
      await (await fetch(...oauth1aClient(consumer).sign("POST", `${platform.base}/oauth/access_token`, { oauth_verifier: (pin as { pin: string }).pin }, token))).text(),
    );
    const access = { key: at.get("oauth_token")!, secret: at.get("oauth_token_secret")! };
    const call = oauth1aClient(consumer).sign("GET", `${platform.base}/1.1/account/verify_credentials.json`, {}, access);
    expect((await fetch(...call)).status).toBe(200);
    const again = await fetch(...call);
    expect(again.status).toBe(401);
    expect(((await again.json()) as { errors: Array<{ code: number }> }).errors[0]!.code).toBe(32);
  });
});

describe("CSRF: the consent decision's Origin check", () => {
  it.each([
    ["a look-alike subdomain", "http://portal.test.evil.com"],
    ["userinfo", "http://portal.test@evil.com"],
    ["another scheme's host with a path", "http://evil.com/portal.test"],
    ["upper-case foreign", "HTTP://EVIL.COM"],
    ["opaque (sandboxed iframe)", "null"],
  ])("refuses %s", (_name, origin) => {
    expect(isSameOriginPost(new Headers({ origin, host: "portal.test" }))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

const LIB = path.resolve(__dirname, "..");
const SECRETISH = "(?:secret|signature|hash|token|verifier|challenge|ticket|password|pepper|digest|mac|pin)";
/** `===`/`!==`/`==`/`!=` with a secret-looking identifier (or call result) on either side. */
const COMPARISON = new RegExp(
  `(?:\\b[\\w.]*${SECRETISH}[\\w]*(?:\\([^()]*\\))?\\s*[!=]==?)|(?:[!=]==?\\s*[\\w.]*${SECRETISH}\\w*\\b)`,
  "i",
);
/** Reviewed comparisons that involve no secret: file → line substrings. */
const REVIEWED: Record<string, string[]> = {
  // The build stamp: a hash of the source tree, not a secret.
  "runtime/build.ts": ['=== sourceHash()'],
  // The form's two new-password fields, both typed by the user in the same request.
  "validation/account.ts": ["v.newPassword === v.confirmPassword"],
};

function libSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return libSources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$|test-|testing\.ts$|-test-/.test(e.name) && !p.includes(`${path.sep}security${path.sep}`) ? [p] : [];
  });
}

describe("constant-time comparisons", () => {
  it("no secret, signature, hash, token or verifier is compared with === / !== in lib/", () => {
    const offenders: string[] = [];
    for (const file of libSources(LIB)) {
      const relPath = path.relative(LIB, file).split(path.sep).join("/");
      fs.readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, "");
          if (!COMPARISON.test(code)) return;
          // Type and kind checks compare against literals, not against secrets.
          if (/typeof\s+\S+\s*[!=]==?\s*["']|[!=]==?\s*(?:["'`]|null\b|undefined\b|-?\d)|(?:["'`]|null|undefined|\d)\s*[!=]==?|\.length\s*[!=<>]/.test(code)) return;
          if ((REVIEWED[relPath] ?? []).some((s) => code.includes(s))) return;
          offenders.push(`${relPath}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it("the detector catches the mistake it is there for", () => {
    expect(COMPARISON.test("if (signature === expected) return true;")).toBe(true);
    expect(COMPARISON.test("return computed !== row.tokenHash;")).toBe(true);
    expect(COMPARISON.test("return hmacSha1Signature(base, key) === sig;")).toBe(true);
  });

  it.each([
    ["oauth1/signature.ts", "OAuth 1.0a signature"],
    ["oauth2/pkce.ts", "PKCE verifier"],
    ["oauth2/consent-ticket.ts", "consent ticket"],
    ["domain/oauth2/clients.ts", "client secret / consumer secret (Basic)"],
    ["domain/oauth2/app-only.ts", "consumer secret (app-only)"],
    ["domain/app-credentials.ts", "client secret hash"],
    ["domain/oauth1/endpoints.ts", "OAuth 1.0a verifier"],
  ])("%s compares the %s with safeEqual", (file) => {
    expect(fs.readFileSync(path.join(LIB, file), "utf8")).toMatch(/\bsafeEqual\(/);
  });
});

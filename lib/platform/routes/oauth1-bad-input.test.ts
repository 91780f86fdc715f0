import { sql } from "drizzle-orm";
import { OAuth as NodeOAuth } from "oauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { oauth1Nonces, oauth1RequestTokens } from "@/db/schema";
import { seedApp } from "@/db/test-seed";
import { oauth1aClient, startPlatform, type Credentials } from "./oauth1-test-support";

let platform: { base: string; close: () => Promise<void> };
let consumer: Credentials;
let CALLBACK: string;
const BAD_AUTH = { errors: [{ code: 215, message: "Bad Authentication data." }] };
const COULD_NOT = { errors: [{ code: 32, message: "Could not authenticate you." }] };
const rows = () => ({
  tokens: getDb().select({ n: sql<number>`count(*)` }).from(oauth1RequestTokens).get()!.n,
  nonces: getDb().select({ n: sql<number>`count(*)` }).from(oauth1Nonces).get()!.n,
});
const answer = async (res: Response) => [res.status, await res.json()];

beforeAll(async () => {
  platform = await startPlatform();
  CALLBACK = `${platform.base}/cb`;
  const seeded = await seedApp(getDb(), "badinput", { settings: { oauth1Enabled: true, callbackUrls: [CALLBACK] } });
  consumer = { key: seeded.secrets.apiKey, secret: seeded.secrets.apiKeySecret };
});
afterAll(() => platform.close());

describe("bad input gets X's error, never a 500, and writes nothing", () => {
  const post = (headers: Record<string, string>, body?: string) => fetch(`${platform.base}/oauth/request_token`, { method: "POST", headers, body });

  it.each([
    ["no Authorization header", {}],
    ["an empty OAuth header", { authorization: "OAuth" }],
    ["unquoted values", { authorization: "OAuth oauth_consumer_key=abc, oauth_nonce=x" }],
    ["a missing separator", { authorization: 'OAuth oauth_consumer_key="a" oauth_nonce="b"' }],
    ["a broken percent escape", { authorization: 'OAuth oauth_consumer_key="%ZZ"' }],
    ["a duplicated parameter", { authorization: 'OAuth oauth_consumer_key="a", oauth_consumer_key="b"' }],
  ])("%s → 400 code 215", async (_name, headers) => {
    const before = rows();
    expect(await answer(await post(headers))).toEqual([400, BAD_AUTH]);
    expect(rows()).toEqual(before);
  });

  it("oauth parameters duplicated between header and query → 215", async () => {
    const [url, init] = oauth1aClient(consumer).sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: CALLBACK });
    expect(await answer(await fetch(`${url}?oauth_nonce=again`, init))).toEqual([400, BAD_AUTH]);
  });

  it("a body that is not form-encoded is not read for parameters → 215", async () => {
    const res = await post({ "content-type": "application/json" }, JSON.stringify({ oauth_consumer_key: consumer.key, oauth_callback: CALLBACK }));
    expect(await answer(res)).toEqual([400, BAD_AUTH]);
  });

  it("an unknown consumer key → 401 code 32", async () => {
    const [url, init] = oauth1aClient({ key: "Z".repeat(25), secret: "s" }).sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: CALLBACK });
    expect(await answer(await fetch(url, init))).toEqual([401, COULD_NOT]);
  });

  it("a body over 64 KB → 400 code 215, with or without Content-Length", async () => {
    const before = rows();
    const [url, init] = oauth1aClient(consumer).sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: CALLBACK, pad: "x".repeat(70_000) });
    expect(await answer(await fetch(url, init))).toEqual([400, BAD_AUTH]);
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 70; i++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const streamed = await fetch(url, { ...init, body: chunks, duplex: "half" } as RequestInit);
    expect(await answer(streamed)).toEqual([400, BAD_AUTH]);
    expect(rows()).toEqual(before);
  });

  it("an unsigned access_token or invalidate_token call → 215", async () => {
    expect(await answer(await fetch(`${platform.base}/oauth/access_token`, { method: "POST" }))).toEqual([400, BAD_AUTH]);
    expect(await answer(await fetch(`${platform.base}/1.1/oauth/invalidate_token`, { method: "POST" }))).toEqual([400, BAD_AUTH]);
    expect(await answer(await fetch(`${platform.base}/1.1/account/verify_credentials.json`))).toEqual([400, BAD_AUTH]);
  });

  it("a consumer-only signature on a user-context endpoint → 215", async () => {
    const [url, init] = oauth1aClient(consumer).sign("GET", `${platform.base}/1.1/account/verify_credentials.json`);
    expect(await answer(await fetch(url, init))).toEqual([400, BAD_AUTH]);
  });
});

describe("where the parameters travel", () => {
  it("oauth parameters in the query string (the `oauth` package's signUrl)", async () => {
    const client = new NodeOAuth(`${platform.base}/oauth/request_token`, "", consumer.key, consumer.secret, "1.0", null, "HMAC-SHA1");
    const url = client.signUrl(`${platform.base}/oauth/request_token?oauth_callback=${encodeURIComponent(CALLBACK)}`, "", "", "POST");
    const res = await fetch(url, { method: "POST" });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^oauth_token=[A-Za-z0-9]{27}&oauth_token_secret=[A-Za-z0-9]{32}&oauth_callback_confirmed=true$/);
  });
});

describe("base string URI behind a proxy", () => {
  const signedForHttps = () => {
    const [url, init] = oauth1aClient(consumer).sign("POST", `${platform.base.replace("http:", "https:")}/oauth/request_token`, { oauth_callback: CALLBACK });
    return fetch(url.replace("https:", "http:"), { ...init, headers: { ...(init.headers as Record<string, string>), "x-forwarded-proto": "https" } });
  };

  it("ignores X-Forwarded-Proto unless TRUST_PROXY is set", async () => {
    expect(await answer(await signedForHttps())).toEqual([401, COULD_NOT]);
    process.env.TRUST_PROXY = "1";
    try {
      expect((await signedForHttps()).status).toBe(200);
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });
});

describe("token endpoint rate limit", () => {
  it("answers 429 code 88 once an API Key's budget from one address is spent, and writes nothing", async () => {
    const { configureTokenRateLimit, TOKEN_RATE_LIMIT } = await import("@/lib/platform/quota");
    configureTokenRateLimit({ points: 2, duration: 60 });
    try {
      const client = new NodeOAuth(`${platform.base}/oauth/request_token`, `${platform.base}/oauth/access_token`, consumer.key, consumer.secret, "1.0A", CALLBACK, "HMAC-SHA1");
      const requestToken = () =>
        new Promise<number>((resolve) => client.getOAuthRequestToken((err) => resolve(err ? (err as { statusCode: number }).statusCode : 200)));
      expect([await requestToken(), await requestToken()]).toEqual([200, 200]);
      const before = rows();
      const res = await fetch(`${platform.base}/oauth/request_token`, {
        method: "POST",
        headers: { authorization: `OAuth oauth_consumer_key="${consumer.key}", oauth_nonce="n", oauth_signature="s", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1", oauth_version="1.0"` },
      });
      expect(res.status).toBe(429);
      expect(await res.json()).toEqual({ errors: [{ code: 88, message: "Rate limit exceeded" }] });
      expect(rows()).toEqual(before);
    } finally {
      configureTokenRateLimit(TOKEN_RATE_LIMIT);
    }
  });
});

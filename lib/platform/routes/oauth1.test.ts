import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apps } from "@/db/schema";
import { seedApp, type SeededApp } from "@/db/test-seed";
import { approveRequestToken, denyRequestToken, trySignInWithX } from "@/lib/domain/oauth1";
import { formOf, nodeOAuthClient, oauth1aClient, startPlatform, type Credentials, type HttpFailure } from "./oauth1-test-support";

let platform: { base: string; close: () => Promise<void> };
let seeded: SeededApp;
let consumer: Credentials;
let CALLBACK: string;

const verifierFrom = (url: string) => new URL(url).searchParams.get("oauth_verifier")!;
const setApp = (values: Partial<typeof apps.$inferInsert>) => getDb().update(apps).set(values).where(eq(apps.id, seeded.app.id)).run();
const failure = (p: Promise<unknown>) => p.then(() => ({ statusCode: 200, data: "" }) as HttpFailure, (err: HttpFailure) => err);

function approve(token: string): string {
  const outcome = approveRequestToken(getDb(), { rawToken: token, userId: seeded.user.id });
  if (outcome.kind === "redirect") return outcome.url;
  if (outcome.kind === "pin") return outcome.pin;
  throw new Error("unexpected outcome");
}

beforeAll(async () => {
  platform = await startPlatform();
  CALLBACK = `${platform.base}/oauth-test/callback`;
  seeded = await seedApp(getDb(), "httpflow", { settings: { oauth1Enabled: true, permission: "read-write", callbackUrls: [CALLBACK] } });
  consumer = { key: seeded.secrets.apiKey, secret: seeded.secrets.apiKeySecret };
});
afterAll(() => platform.close());

describe("three-legged flow with the `oauth` package (passport-twitter's client)", () => {
  it("request token → approval → access token → signed GET verify_credentials", async () => {
    const client = nodeOAuthClient(platform.base, consumer, `${CALLBACK}?from=test`);
    const rt = await client.requestToken();
    expect(rt.results.oauth_callback_confirmed).toBe("true");

    const redirect = approve(rt.token);
    expect(redirect.startsWith(`${CALLBACK}?from=test&oauth_token=${rt.token}&oauth_verifier=`)).toBe(true);

    const at = await client.accessToken(rt.token, rt.secret, verifierFrom(redirect));
    expect(at.token.startsWith(`${seeded.user.id}-`)).toBe(true);
    expect(at.results).toEqual({ user_id: seeded.user.id, screen_name: "httpflow" });

    const me = JSON.parse(await client.get(`${platform.base}/1.1/account/verify_credentials.json`, { key: at.token, secret: at.secret }));
    expect(me).toEqual({ id: Number(seeded.user.id), id_str: seeded.user.id, screen_name: "httpflow", name: "httpflow name" });
  });

  it("PIN flow (oob): the 7-digit PIN is the verifier", async () => {
    const client = nodeOAuthClient(platform.base, consumer, "oob");
    const rt = await client.requestToken();
    const pin = approve(rt.token);
    expect(pin).toMatch(/^[0-9]{7}$/);
    const at = await client.accessToken(rt.token, rt.secret, pin);
    expect(at.results.screen_name).toBe("httpflow");
  });

  it("Sign in with X: the second login skips consent", async () => {
    const client = nodeOAuthClient(platform.base, consumer, CALLBACK);
    const first = await client.requestToken();
    expect(trySignInWithX(getDb(), { rawToken: first.token, userId: seeded.user.id })).not.toBeNull(); // authorized above
    setApp({ signInWithX: false });
    const second = await client.requestToken();
    expect(trySignInWithX(getDb(), { rawToken: second.token, userId: seeded.user.id })).toBeNull();
    setApp({ signInWithX: true });
    const outcome = trySignInWithX(getDb(), { rawToken: second.token, userId: seeded.user.id });
    expect(outcome?.kind).toBe("redirect");
    const at = await client.accessToken(second.token, second.secret, verifierFrom(outcome!.kind === "redirect" ? outcome!.url : ""));
    expect(at.results.user_id).toBe(seeded.user.id);
  });

  it("cancel: callback?denied=<token>, and the token cannot be exchanged", async () => {
    const client = nodeOAuthClient(platform.base, consumer, CALLBACK);
    const rt = await client.requestToken();
    expect(denyRequestToken(getDb(), { rawToken: rt.token })).toEqual({ kind: "redirect", url: `${CALLBACK}?denied=${rt.token}` });
    expect(await failure(client.accessToken(rt.token, rt.secret, "x"))).toEqual({ statusCode: 401, data: "This feature is temporarily unavailable" });
  });

  it("a used request token gets X's access_token failure", async () => {
    const client = nodeOAuthClient(platform.base, consumer, CALLBACK);
    const rt = await client.requestToken();
    const verifier = verifierFrom(approve(rt.token));
    await client.accessToken(rt.token, rt.secret, verifier);
    expect(await failure(client.accessToken(rt.token, rt.secret, verifier))).toEqual({ statusCode: 401, data: "This feature is temporarily unavailable" });
  });

  it("callback not approved: 403 code 415 in XML", async () => {
    const client = nodeOAuthClient(platform.base, consumer, "https://elsewhere.example.com/cb");
    const err = await failure(client.requestToken());
    expect(err.statusCode).toBe(403);
    expect(err.data).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><errors><error code="415">Callback URL not approved for this client application. ' +
        "Approved callback URLs can be adjusted in your application settings.</error></errors>",
    );
  });

  it("suspended App: 416 on request_token and on a user token", async () => {
    const client = nodeOAuthClient(platform.base, consumer, CALLBACK);
    const rt = await client.requestToken();
    const at = await client.accessToken(rt.token, rt.secret, verifierFrom(approve(rt.token)));
    setApp({ status: "suspended" });
    try {
      const body = { errors: [{ code: 416, message: "Invalid / suspended App." }] };
      const e1 = await failure(client.requestToken());
      expect([e1.statusCode, JSON.parse(e1.data!)]).toEqual([401, body]);
      const e2 = await failure(client.get(`${platform.base}/1.1/account/verify_credentials.json`, { key: at.token, secret: at.secret }));
      expect([e2.statusCode, JSON.parse(e2.data!)]).toEqual([401, body]);
    } finally {
      setApp({ status: "active" });
    }
  });
});

describe("three-legged flow with `oauth-1.0a` + fetch", () => {
  const client = () => oauth1aClient(consumer);

  it("request token (x_auth_access_type=read in the body) → access token → invalidate_token → 89", async () => {
    const c = client();
    const r1 = await fetch(...c.sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: CALLBACK, x_auth_access_type: "read" }));
    expect(r1.status).toBe(200);
    expect(r1.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const rt = formOf(await r1.text());
    const verifier = verifierFrom(approve(rt.oauth_token!));

    const r2 = await fetch(...c.sign("POST", `${platform.base}/oauth/access_token`, { oauth_verifier: verifier }, { key: rt.oauth_token!, secret: rt.oauth_token_secret! }));
    const at = formOf(await r2.text());
    const token = { key: at.oauth_token!, secret: at.oauth_token_secret! };

    const me = await fetch(...c.sign("GET", `${platform.base}/1.1/account/verify_credentials.json`, {}, token));
    expect(me.status).toBe(200);
    expect(me.headers.get("x-access-level")).toBe("read");

    const inv = await fetch(...c.sign("POST", `${platform.base}/1.1/oauth/invalidate_token.json`, {}, token));
    expect(await inv.json()).toEqual({ access_token: token.key });

    const after = await fetch(...c.sign("GET", `${platform.base}/1.1/account/verify_credentials.json`, {}, token));
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ errors: [{ code: 89, message: "Invalid or expired token." }] });
  });

  it("415 as JSON when the client asks for JSON", async () => {
    const res = await fetch(...client().sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: "https://nope.example.com/cb" }, undefined, { accept: "application/json" }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      errors: [{ code: 415, message: "Callback URL not approved for this client application. Approved callback URLs can be adjusted in your application settings." }],
    });
  });

  it("a replayed nonce gets 32; a stale timestamp gets 135", async () => {
    const c = client();
    const signed = c.sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: CALLBACK });
    expect((await fetch(...signed)).status).toBe(200);
    const replay = await fetch(...signed);
    expect([replay.status, await replay.json()]).toEqual([401, { errors: [{ code: 32, message: "Could not authenticate you." }] }]);

    c.oauth.getTimeStamp = () => Math.floor(Date.now() / 1000) - 301;
    const stale = await fetch(...c.sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: CALLBACK }));
    expect([stale.status, await stale.json()]).toEqual([401, { errors: [{ code: 135, message: "Timestamp out of bounds." }] }]);
  });
});

describe("oauth_* parameters sent twice with the same value", () => {
  /**
   * twitter-api-v2 1.29 `login(verifier)` posts `oauth_token` + `oauth_verifier` in the form body
   * and puts `oauth_token` in the Authorization header too; its signer merges header and body
   * parameters into one object, so the base string holds `oauth_token` once. `oauth-1.0a` (from
   * which twitter-api-v2's signer was ported) signs exactly that way when given the same data.
   */
  function twitterApiV2Login(rt: Record<string, string>, verifier: string, bodyToken = rt.oauth_token!): [string, RequestInit] {
    const c = oauth1aClient(consumer);
    const url = `${platform.base}/oauth/access_token`;
    const data = { oauth_token: rt.oauth_token!, oauth_verifier: verifier };
    const authorized = c.oauth.authorize({ url, method: "POST", data }, { key: rt.oauth_token!, secret: rt.oauth_token_secret! });
    const body = new URLSearchParams({ oauth_token: bodyToken, oauth_verifier: verifier }).toString();
    return [url, { method: "POST", headers: { ...c.oauth.toHeader(authorized), "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }, body }];
  }

  async function requestToken() {
    const r = await fetch(...oauth1aClient(consumer).sign("POST", `${platform.base}/oauth/request_token`, { oauth_callback: CALLBACK }));
    return formOf(await r.text());
  }

  it("twitter-api-v2's login(): oauth_token in the header and the body, signed once → access token", async () => {
    const rt = await requestToken();
    const res = await fetch(...twitterApiV2Login(rt, verifierFrom(approve(rt.oauth_token!))));
    expect(res.status).toBe(200);
    const at = formOf(await res.text());
    expect(at.user_id).toBe(seeded.user.id);
    expect(at.oauth_token!.startsWith(`${seeded.user.id}-`)).toBe(true);
  });

  it("a body oauth_token that differs from the header's → 215, and the request token stays usable", async () => {
    const rt = await requestToken();
    const verifier = verifierFrom(approve(rt.oauth_token!));
    const res = await fetch(...twitterApiV2Login(rt, verifier, "someOtherRequestToken00000"));
    expect([res.status, await res.json()]).toEqual([400, { errors: [{ code: 215, message: "Bad Authentication data." }] }]);
    expect((await fetch(...twitterApiV2Login(rt, verifier))).status).toBe(200);
  });
});


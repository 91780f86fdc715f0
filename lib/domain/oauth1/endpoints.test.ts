import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps, authorizations, oauth1Nonces, oauth1RequestTokens, oauth1Tokens } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { seedApp, type SeededApp } from "@/db/test-seed";
import { issueConsumerKey } from "@/lib/domain/app-credentials";
import { OAuth1Error } from "@/lib/oauth1";
import { approveRequestToken } from "./consent";
import { exchangeRequestToken, invalidateAccessToken, issueRequestToken, verifyCredentials } from "./endpoints";
import { signedFacts, type Credentials } from "./testing";
import { verifyOAuth1Request } from "./verify";

const CALLBACK = "https://client.example.com/oauth/callback";
let db: Db;
let seeded: SeededApp;
let other: SeededApp;
let consumer: Credentials;

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof OAuth1Error) return err.failure.kind === "code" ? err.failure.code : err.failure.reason;
    throw err;
  }
  return "ok";
};
const parse = (body: string) => Object.fromEntries(new URLSearchParams(body));
const count = (table: typeof oauth1RequestTokens | typeof oauth1Tokens | typeof oauth1Nonces) =>
  db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
const setApp = (values: Partial<typeof apps.$inferInsert>) => db.update(apps).set(values).where(eq(apps.id, seeded.app.id)).run();

function requestToken(data: Record<string, string> = { oauth_callback: CALLBACK }, c: Credentials = consumer) {
  return parse(issueRequestToken(db, signedFacts({ consumer: c, path: "/oauth/request_token", data })));
}

function authorizedToken(data?: Record<string, string>) {
  const rt = requestToken(data);
  const outcome = approveRequestToken(db, { rawToken: rt.oauth_token!, userId: seeded.user.id });
  const verifier = outcome.kind === "redirect" ? new URL(outcome.url).searchParams.get("oauth_verifier")! : outcome.kind === "pin" ? outcome.pin : "";
  return { rt, verifier, outcome };
}

function accessToken(rt: Record<string, string>, verifier: string, c: Credentials = consumer) {
  const facts = signedFacts({ consumer: c, token: { key: rt.oauth_token!, secret: rt.oauth_token_secret! }, path: "/oauth/access_token", data: { oauth_verifier: verifier } });
  return parse(exchangeRequestToken(db, facts));
}

beforeAll(async () => {
  db = createTestDb();
  const settings = { oauth1Enabled: true, permission: "read-write" as const, callbackUrls: [CALLBACK] };
  seeded = await seedApp(db, "oauth1owner", { settings });
  other = await seedApp(db, "oauth1other", { settings });
  consumer = { key: seeded.secrets.apiKey, secret: seeded.secrets.apiKeySecret };
});

describe("POST /oauth/request_token", () => {
  it("issues a 27-character request token with a confirmed callback", () => {
    const rt = requestToken();
    expect(rt.oauth_token).toMatch(/^[A-Za-z0-9]{27}$/);
    expect(rt.oauth_token_secret).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(rt.oauth_callback_confirmed).toBe("true");
  });

  it("accepts a registered callback with an extra query string, and oob", () => {
    expect(requestToken({ oauth_callback: `${CALLBACK}?source=x&a=b` }).oauth_token).toBeTruthy();
    expect(requestToken({ oauth_callback: "oob" }).oauth_token).toBeTruthy();
  });

  it("refuses an unregistered callback with 415 and stores nothing", () => {
    const before = count(oauth1RequestTokens);
    expect(failure(() => requestToken({ oauth_callback: "https://evil.example.com/oauth/callback" }))).toBe(415);
    expect(failure(() => requestToken({ oauth_callback: `${CALLBACK}/` }))).toBe(415);
    expect(count(oauth1RequestTokens)).toBe(before);
  });

  it("refuses a registered callback whose query holds CR, LF or another control character with 415, storing nothing", () => {
    const before = count(oauth1RequestTokens);
    for (const bad of ["\r\nSet-Cookie: a=b", "\n", "\t", "\u0000", "\u007f"]) {
      expect(failure(() => requestToken({ oauth_callback: `${CALLBACK}?x=1${bad}` })), JSON.stringify(bad)).toBe(415);
    }
    expect(count(oauth1RequestTokens)).toBe(before);
  });

  it("requires oauth_callback (215)", () => {
    expect(failure(() => requestToken({}))).toBe(215);
  });

  it("answers an unknown consumer key, a wrong secret and a disabled App with 32", () => {
    expect(failure(() => requestToken(undefined, { key: "x".repeat(25), secret: consumer.secret }))).toBe(32);
    expect(failure(() => requestToken(undefined, { key: consumer.key, secret: "wrong" }))).toBe(32);
    setApp({ oauth1Enabled: false });
    try {
      expect(failure(() => requestToken())).toBe(32);
    } finally {
      setApp({ oauth1Enabled: true });
    }
  });

  it("answers a suspended App with 416", () => {
    setApp({ status: "suspended", suspendedReason: "test" });
    try {
      expect(failure(() => requestToken())).toBe(416);
    } finally {
      setApp({ status: "active", suspendedReason: null });
    }
  });

  it("refuses a replayed nonce with 32 and a stale timestamp with 135", () => {
    const facts = signedFacts({ consumer, path: "/oauth/request_token", data: { oauth_callback: CALLBACK } });
    expect(failure(() => issueRequestToken(db, facts))).toBe("ok");
    expect(failure(() => issueRequestToken(db, facts))).toBe(32);
    const stale = signedFacts({ consumer, path: "/oauth/request_token", data: { oauth_callback: CALLBACK }, timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(failure(() => issueRequestToken(db, stale))).toBe(135);
  });

  it("does not record the nonce of a request whose signature is wrong", () => {
    const before = count(oauth1Nonces);
    expect(failure(() => requestToken(undefined, { key: consumer.key, secret: "wrong" }))).toBe(32);
    expect(count(oauth1Nonces)).toBe(before);
  });
});

describe("POST /oauth/access_token", () => {
  it("exchanges an approved request token for the user's token and records the authorization", () => {
    const { rt, verifier } = authorizedToken();
    const at = accessToken(rt, verifier);
    expect(at.oauth_token).toMatch(new RegExp(`^${seeded.user.id}-[A-Za-z0-9]{40}$`));
    expect(at.oauth_token_secret).toMatch(/^[A-Za-z0-9]{45}$/);
    expect(at.user_id).toBe(seeded.user.id);
    expect(at.screen_name).toBe("oauth1owner");
    const auth = db.select().from(authorizations).where(eq(authorizations.appId, seeded.app.id)).get();
    expect(auth).toMatchObject({ userId: seeded.user.id, oauth1AccessLevel: "read-write" });
    const verified = verifyCredentials(db, signedFacts({ consumer, token: { key: at.oauth_token!, secret: at.oauth_token_secret! }, method: "GET", path: "/1.1/account/verify_credentials.json" }));
    expect(verified.user.username).toBe("oauth1owner");
  });

  it("hands the same token back when the user authorizes again at the same level", () => {
    const first = authorizedToken();
    const a = accessToken(first.rt, first.verifier);
    const second = authorizedToken();
    expect(accessToken(second.rt, second.verifier).oauth_token).toBe(a.oauth_token);
  });

  it("lowers the level with x_auth_access_type=read", () => {
    const { rt, verifier } = authorizedToken({ oauth_callback: CALLBACK, x_auth_access_type: "read" });
    const at = accessToken(rt, verifier);
    const facts = signedFacts({ consumer, token: { key: at.oauth_token!, secret: at.oauth_token_secret! }, method: "GET", path: "/1.1/account/verify_credentials.json" });
    const result = verifyOAuth1Request(db, facts);
    expect(result.ok && result.accessLevel).toBe("read");
  });

  it("is single use: a second exchange gets X's “temporarily unavailable”", () => {
    const { rt, verifier } = authorizedToken();
    accessToken(rt, verifier);
    expect(failure(() => accessToken(rt, verifier))).toBe("request_token_used");
  });

  it("refuses a wrong verifier and burns the request token", () => {
    const { rt, verifier } = authorizedToken();
    expect(failure(() => accessToken(rt, "0".repeat(32)))).toBe("invalid_verifier");
    expect(failure(() => accessToken(rt, verifier))).toBe("request_token_used");
  });

  it("refuses a request token that was not approved yet", () => {
    const rt = requestToken();
    expect(failure(() => accessToken(rt, "whatever"))).toBe("invalid_verifier");
  });

  it("exchanges a PIN (oob)", () => {
    const { rt, verifier, outcome } = authorizedToken({ oauth_callback: "oob" });
    expect(outcome.kind).toBe("pin");
    expect(verifier).toMatch(/^[0-9]{7}$/);
    expect(accessToken(rt, verifier).user_id).toBe(seeded.user.id);
  });

  it("refuses a request token of another App with 89", () => {
    const { rt, verifier } = authorizedToken();
    expect(failure(() => accessToken(rt, verifier, { key: other.secrets.apiKey, secret: other.secrets.apiKeySecret }))).toBe(89);
    expect(failure(() => accessToken({ ...rt, oauth_token: "A".repeat(27) }, verifier))).toBe(89);
  });

  it("refuses a request token older than 15 minutes", () => {
    const { rt, verifier } = authorizedToken();
    db.update(oauth1RequestTokens).set({ expiresAt: Date.now() - 1 }).run();
    expect(failure(() => accessToken(rt, verifier))).toBe("request_token_used");
  });
});

describe("user tokens", () => {
  function issued() {
    const { rt, verifier } = authorizedToken({ oauth_callback: CALLBACK, x_auth_access_type: "write" });
    db.delete(oauth1Tokens).where(eq(oauth1Tokens.appId, seeded.app.id)).run();
    const at = accessToken(rt, verifier);
    return { key: at.oauth_token!, secret: at.oauth_token_secret! };
  }
  const call = (token: Credentials, c: Credentials = consumer) =>
    verifyOAuth1Request(db, signedFacts({ consumer: c, token, method: "GET", path: "/1.1/account/verify_credentials.json" }));

  it("verifyOAuth1Request returns the App, token record and access level", () => {
    const token = issued();
    const result = call(token);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.app.id).toBe(seeded.app.id);
      expect(result.token.userId).toBe(seeded.user.id);
      expect(result.accessLevel).toBe("read-write");
    }
  });

  it("binds a token to its App: another App's consumer key gets 89", () => {
    const token = issued();
    expect(call(token, { key: other.secrets.apiKey, secret: other.secrets.apiKeySecret })).toEqual({ ok: false, error: { kind: "code", code: 89 } });
  });

  it("refuses a wrong token secret with 32 and a missing token with 215", () => {
    const token = issued();
    expect(call({ ...token, secret: "nope" })).toEqual({ ok: false, error: { kind: "code", code: 32 } });
    const noToken = verifyOAuth1Request(db, signedFacts({ consumer, method: "GET", path: "/1.1/account/verify_credentials.json" }));
    expect(noToken).toEqual({ ok: false, error: { kind: "code", code: 215 } });
  });

  it("invalidate_token ends the token (then 89) and the OAuth 1.0a authorization", () => {
    const token = issued();
    const res = invalidateAccessToken(db, signedFacts({ consumer, token, path: "/1.1/oauth/invalidate_token" }));
    expect(res).toEqual({ access_token: token.key });
    expect(call(token)).toEqual({ ok: false, error: { kind: "code", code: 89 } });
    expect(db.select().from(authorizations).where(eq(authorizations.appId, seeded.app.id)).get()).toBeUndefined();
  });

  it("fails with 416 once the App is suspended", () => {
    const token = issued();
    setApp({ status: "suspended" });
    try {
      expect(call(token)).toEqual({ ok: false, error: { kind: "code", code: 416 } });
    } finally {
      setApp({ status: "active" });
    }
  });
});

describe("consumer key rotation", () => {
  it("the old key works during its grace period; user tokens survive and are signed with the new pair", async () => {
    const rotated = await seedApp(db, "rotation", { settings: { oauth1Enabled: true, callbackUrls: [CALLBACK] } });
    const oldKey = { key: rotated.secrets.apiKey, secret: rotated.secrets.apiKeySecret };
    const rt = requestToken(undefined, oldKey);
    const outcome = approveRequestToken(db, { rawToken: rt.oauth_token!, userId: rotated.user.id });
    const at = accessToken(rt, outcome.kind === "redirect" ? new URL(outcome.url).searchParams.get("oauth_verifier")! : "", oldKey);
    const token = { key: at.oauth_token!, secret: at.oauth_token_secret! };

    const fresh = issueConsumerKey(db, rotated.app.id, { graceUntil: Date.now() + 60_000 });
    const newKey = { key: fresh.apiKey, secret: fresh.apiKeySecret };
    expect(failure(() => requestToken(undefined, oldKey))).toBe("ok");
    const call = (c: Credentials) => verifyOAuth1Request(db, signedFacts({ consumer: c, token, method: "GET", path: "/1.1/account/verify_credentials.json" })).ok;
    expect(call(newKey)).toBe(true);
    expect(call(oldKey)).toBe(true);

    const final = issueConsumerKey(db, rotated.app.id);
    expect(failure(() => requestToken(undefined, newKey))).toBe(32);
    expect(call({ key: final.apiKey, secret: final.apiKeySecret })).toBe(true);
  });
});

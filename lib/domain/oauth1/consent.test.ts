import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps, oauth1RequestTokens } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { seedApp, seedDeveloper, type SeededApp } from "@/db/test-seed";
import type { PublicUser } from "@/lib/domain/users";
import { appendQuery, approveRequestToken, denyRequestToken, INVALID_REQUEST_TOKEN_MESSAGE, loadConsentRequest, trySignInWithX } from "./consent";
import { exchangeRequestToken, issueRequestToken } from "./endpoints";
import { signedFacts, type Credentials } from "./testing";

const CALLBACK = "https://client.example.com/cb";
let db: Db;
let seeded: SeededApp;
let consumer: Credentials;
let reader: PublicUser;

const parse = (body: string) => Object.fromEntries(new URLSearchParams(body));
const setApp = (values: Partial<typeof apps.$inferInsert>) => db.update(apps).set(values).where(eq(apps.id, seeded.app.id)).run();
const requestToken = (data: Record<string, string> = { oauth_callback: CALLBACK }) =>
  parse(issueRequestToken(db, signedFacts({ consumer, path: "/oauth/request_token", data })));

beforeAll(async () => {
  db = createTestDb();
  seeded = await seedApp(db, "consentowner", {
    settings: { oauth1Enabled: true, permission: "read-write-directmessages", callbackUrls: [CALLBACK], description: "Posts for you", requestEmail: true },
  });
  consumer = { key: seeded.secrets.apiKey, secret: seeded.secrets.apiKeySecret };
  reader = (await seedDeveloper(db, "consentreader")).user;
});

describe("consent screen data", () => {
  it("describes the App and the access requested, and refuses unknown tokens", () => {
    const rt = requestToken({ oauth_callback: CALLBACK, x_auth_access_type: "write" });
    const consent = loadConsentRequest(db, rt.oauth_token!);
    expect(consent).toMatchObject({ app: { id: seeded.app.id, name: "consentowner app", description: "Posts for you", requestEmail: true }, accessLevel: "read-write", oob: false });
    expect(loadConsentRequest(db, "B".repeat(27))).toBeNull();
  });

  it("caps the level at the App's current permission", () => {
    const rt = requestToken();
    setApp({ permission: "read" });
    try {
      expect(loadConsentRequest(db, rt.oauth_token!)?.accessLevel).toBe("read");
    } finally {
      setApp({ permission: "read-write-directmessages" });
    }
  });
});

describe("approve and cancel", () => {
  it("approve redirects with oauth_token and oauth_verifier merged into the callback's query", () => {
    const rt = requestToken({ oauth_callback: `${CALLBACK}?state=a%20b` });
    const outcome = approveRequestToken(db, { rawToken: rt.oauth_token!, userId: reader.id });
    expect(outcome.kind).toBe("redirect");
    const url = outcome.kind === "redirect" ? outcome.url : "";
    expect(url).toMatch(new RegExp(`^https://client\\.example\\.com/cb\\?state=a%20b&oauth_token=${rt.oauth_token}&oauth_verifier=[A-Za-z0-9]{32}$`));
  });

  it("a token can be decided once: the page then shows X's “Whoa there!” message", () => {
    const rt = requestToken();
    approveRequestToken(db, { rawToken: rt.oauth_token!, userId: reader.id });
    expect(loadConsentRequest(db, rt.oauth_token!)).toBeNull();
    expect(() => approveRequestToken(db, { rawToken: rt.oauth_token!, userId: reader.id })).toThrow(INVALID_REQUEST_TOKEN_MESSAGE);
    expect(() => denyRequestToken(db, { rawToken: rt.oauth_token! })).toThrow(INVALID_REQUEST_TOKEN_MESSAGE);
  });

  it("cancel redirects to callback?denied=<token> and spends the token", () => {
    const rt = requestToken();
    expect(denyRequestToken(db, { rawToken: rt.oauth_token! })).toEqual({ kind: "redirect", url: `${CALLBACK}?denied=${rt.oauth_token}` });
    expect(loadConsentRequest(db, rt.oauth_token!)).toBeNull();
    const facts = signedFacts({ consumer, token: { key: rt.oauth_token!, secret: rt.oauth_token_secret! }, path: "/oauth/access_token", data: { oauth_verifier: "x" } });
    expect(() => exchangeRequestToken(db, facts)).toThrow("This feature is temporarily unavailable");
  });

  it("oob: approve shows a 7-digit PIN, cancel shows the denial", () => {
    const pin = approveRequestToken(db, { rawToken: requestToken({ oauth_callback: "oob" }).oauth_token!, userId: reader.id });
    expect(pin).toMatchObject({ kind: "pin", appName: "consentowner app" });
    expect(pin.kind === "pin" && pin.pin).toMatch(/^[1-9][0-9]{6}$/);
    expect(denyRequestToken(db, { rawToken: requestToken({ oauth_callback: "oob" }).oauth_token! })).toEqual({ kind: "denied", appName: "consentowner app" });
  });

  it("refuses stale tokens (older than 15 minutes)", () => {
    const rt = requestToken();
    expect(loadConsentRequest(db, rt.oauth_token!, Date.now() + 15 * 60_000 + 1)).toBeNull();
    expect(() => approveRequestToken(db, { rawToken: rt.oauth_token!, userId: reader.id }, Date.now() + 15 * 60_000 + 1)).toThrow(INVALID_REQUEST_TOKEN_MESSAGE);
  });

  it("refuses to approve for a suspended App", () => {
    const rt = requestToken();
    setApp({ status: "suspended" });
    try {
      expect(loadConsentRequest(db, rt.oauth_token!)?.app.suspended).toBe(true);
      expect(() => approveRequestToken(db, { rawToken: rt.oauth_token!, userId: reader.id })).toThrow(/suspended/);
    } finally {
      setApp({ status: "active" });
    }
  });
});

describe("Sign in with X", () => {
  function authorize(data: Record<string, string> = { oauth_callback: CALLBACK }) {
    const rt = requestToken(data);
    const outcome = approveRequestToken(db, { rawToken: rt.oauth_token!, userId: reader.id });
    const verifier = outcome.kind === "redirect" ? new URL(outcome.url).searchParams.get("oauth_verifier")! : "";
    exchangeRequestToken(db, signedFacts({ consumer, token: { key: rt.oauth_token!, secret: rt.oauth_token_secret! }, path: "/oauth/access_token", data: { oauth_verifier: verifier } }));
  }

  it("skips consent only after the user authorized the App at this level, when the App allows it", () => {
    db.delete(oauth1RequestTokens).run();
    const first = requestToken({ oauth_callback: CALLBACK, x_auth_access_type: "read" });
    expect(trySignInWithX(db, { rawToken: first.oauth_token!, userId: reader.id })).toBeNull();

    authorize({ oauth_callback: CALLBACK, x_auth_access_type: "read" });
    const again = requestToken({ oauth_callback: CALLBACK, x_auth_access_type: "read" });
    const outcome = trySignInWithX(db, { rawToken: again.oauth_token!, userId: reader.id });
    expect(outcome?.kind === "redirect" && outcome.url).toContain(`oauth_token=${again.oauth_token}&oauth_verifier=`);

    const higher = requestToken({ oauth_callback: CALLBACK, x_auth_access_type: "write" });
    expect(trySignInWithX(db, { rawToken: higher.oauth_token!, userId: reader.id })).toBeNull();

    setApp({ signInWithX: false });
    try {
      const off = requestToken({ oauth_callback: CALLBACK, x_auth_access_type: "read" });
      expect(trySignInWithX(db, { rawToken: off.oauth_token!, userId: reader.id })).toBeNull();
    } finally {
      setApp({ signInWithX: true });
    }
  });
});

describe("appendQuery", () => {
  it.each([
    ["https://a.example/cb", "https://a.example/cb?k=v%20w"],
    ["https://a.example/cb?", "https://a.example/cb?k=v%20w"],
    ["https://a.example/cb?x=1", "https://a.example/cb?x=1&k=v%20w"],
    ["https://a.example/cb?x=1&", "https://a.example/cb?x=1&k=v%20w"],
    ["myapp://callback/path", "myapp://callback/path?k=v%20w"],
    // Stored before request_token refused them: control characters never reach a Location header.
    ["https://a.example/cb?x=1\r\nSet-Cookie: a", "https://a.example/cb?x=1%0D%0ASet-Cookie: a&k=v%20w"],
  ])("%j", (callback, expected) => {
    expect(appendQuery(callback, { k: "v w" })).toBe(expected);
  });
});

/**
 * Property-based hostile input against every platform endpoint (discovered from the Hono app's
 * routes), in-process with app.request(): generated methods, path parameters, query strings,
 * headers, bodies and Authorization headers — garbage ones and real credentials carrying garbage.
 * Every answer is < 500, in the endpoint's documented error shape, logs nothing through
 * console.error, and a refusal leaves every table as it was.
 *
 * Seeded (FC_SEED, default below) and bounded (FC_RUNS per endpoint), so a run is repeatable.
 */
import { createHmac } from "node:crypto";
import fc from "fast-check";
import OAuth1a from "oauth-1.0a";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { configureApiRateLimits } from "@/lib/api/rate-limit";
import { obtainBearerToken } from "@/lib/domain/oauth2/app-only";
import { approveAndGetCode, authorizeParams, VERIFIER } from "@/lib/domain/oauth2/test-helpers";
import { exchangeAuthorizationCode } from "@/lib/domain/oauth2/tokens";
import { issueOAuth1AccessToken } from "@/lib/domain/user-tokens";
import { basicAuthHeader } from "@/lib/oauth2/basic-auth";
import { configureTokenRateLimit, TOKEN_RATE_LIMIT } from "@/lib/platform/quota";
import { OAUTH1_TEXT_ERRORS } from "@/lib/oauth1/errors";
import { createPlatformApp } from "@/lib/platform/app";
import { seedApiApp, seedUser, type ApiApp } from "@/lib/platform/routes/api-test-support";
import { changedTables, snapshot } from "./db-snapshot";

const SEED = Number(process.env.FC_SEED ?? 20_260_601);
const RUNS = Number(process.env.FC_RUNS ?? 80);
const ORIGIN = "http://127.0.0.1:3000";

const app = createPlatformApp();
const ROUTES = [...new Map(app.routes.filter((r) => r.method !== "ALL").map((r) => [`${r.method} ${r.path}`, r])).values()];

interface Creds {
  api: ApiApp;
  oauth1User: { key: string; secret: string };
  oauth1UserId: string;
  oauth2User: string;
  bearer: string;
  friendId: string;
}
let creds: Creds;
let errorSpy: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  const db = getDb();
  migrateDatabase(db);
  const api = await seedApiApp(db, "fuzz");
  const me = await seedUser(db, "fuzzme");
  const friend = await seedUser(db, "fuzzfr");
  const oauth1User = issueOAuth1AccessToken(db, { appId: api.app.id, userId: me.id, accessLevel: "read-write-directmessages", source: "oauth" });
  const scope = "tweet.read tweet.write users.read dm.read dm.write offline.access";
  const code = approveAndGetCode(db, me.id, authorizeParams(api.app.clientId, { scope }));
  const oauth2User = exchangeAuthorizationCode(db, api.app, { code, redirectUri: authorizeParams("x").redirect_uri as string, codeVerifier: VERIFIER }).access_token;
  creds = { api, oauth1User: { key: oauth1User.token, secret: oauth1User.secret }, oauth1UserId: me.id, oauth2User, bearer: obtainBearerToken(db, api.app), friendId: friend.id };
  // Limits would turn later runs into 429s and hide the code behind them.
  configureApiRateLimits({ windowS: 900, limit: 1_000_000 });
  configureTokenRateLimit({ points: 1_000_000, duration: 60 });
  fc.configureGlobal({ seed: SEED, numRuns: RUNS, endOnFailure: true });
  errorSpy = vi.spyOn(console, "error");
});

afterAll(() => {
  if (process.env.FC_STATS) for (const [k, v] of stats) console.log(k, JSON.stringify(Object.fromEntries(v)));
  configureApiRateLimits(null);
  configureTokenRateLimit(TOKEN_RATE_LIMIT);
  fc.resetConfigureGlobal();
  errorSpy.mockRestore();
});

// ---------------------------------------------------------------------------------------------
// Generators

const NASTY = [
  "", "%", "%ZZ", "%00", "%C0%AE%C0%AE", "%E2%80%AE", "..", "../../etc/passwd", "\u0000", "\r\nX-Injected: 1", "𝕏", "\u202e", "\ufeff",
  "' OR 1=1 --", "<script>alert(1)</script>", "-1", "0", "1e309", "NaN", "99999999999999999999999", "9223372036854775808",
  "__proto__", "constructor", "[]", "{}", "null", "true", "oob", "S256", "plain", "Bearer", "undefined", " ", "a".repeat(5000),
];
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.stringMatching(/^\d{1,25}$/) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 60 }) },
);
const PARAM_NAMES = [
  "grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "client_id", "client_secret", "token", "token_type_hint",
  "access_token", "oauth_callback", "oauth_verifier", "oauth_token", "oauth_consumer_key", "oauth_signature", "x_auth_access_type",
  "user.fields", "tweet.fields", "expansions", "dm_event.fields", "event_types", "max_results", "pagination_token", "include_email",
  "skip_status", "text", "participant_id", "__proto__", "constructor",
];
const paramName = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PARAM_NAMES) }, { weight: 1, arbitrary: hostileString });
const pairs = fc.array(fc.tuple(paramName, hostileString), { maxLength: 6 });
const FIXED_VALUES: Record<string, string[]> = {
  grant_type: ["authorization_code", "refresh_token", "client_credentials", "password"],
  "user.fields": ["id,name,username", "description,nope"],
  max_results: ["1", "100", "101"],
};
/** Query strings: well-formed ones, and raw ones with unescaped characters and broken escapes. */
const queryString = fc.oneof(
  pairs.map((p) => new URLSearchParams(p).toString()),
  pairs.map((p) => p.map(([k, v]) => `${k}=${v}`).join("&")),
  fc.constantFrom(...Object.entries(FIXED_VALUES).flatMap(([k, vs]) => vs.map((v) => `${k}=${encodeURIComponent(v)}`))),
);
const JSON_BODIES = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.record(
    { text: fc.anything({ maxDepth: 2 }), participant_ids: fc.anything({ maxDepth: 2 }), message: fc.anything({ maxDepth: 2 }), conversation_type: fc.anything({ maxDepth: 1 }) },
    { requiredKeys: [] },
  ).map((o) => JSON.stringify(o)),
  fc.record({ text: hostileString }).map((o) => JSON.stringify(o)),
);
const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: pairs.map((p) => new URLSearchParams(p).toString()) },
  { weight: 2, arbitrary: JSON_BODIES },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(70_000), `text=${"y".repeat(70_000)}`) },
);
const contentType = fc.option(
  fc.constantFrom(
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=UTF-8",
    "application/json",
    "application/json; charset=latin1",
    "text/plain",
    "multipart/form-data; boundary=x",
    "",
    "garbage/;;;",
  ),
);

type AuthMode =
  | { kind: "none" }
  | { kind: "raw"; value: string }
  | { kind: "oauth1"; withToken: boolean }
  | { kind: "oauth1-garbage"; params: Array<[string, string]> }
  | { kind: "bearer-app" }
  | { kind: "bearer-user" }
  | { kind: "basic-client" }
  | { kind: "basic-consumer" };

/** Garbage credentials, and real ones (weighted up, so runs get past authentication to the handlers). */
const authMode: fc.Arbitrary<AuthMode> = fc.oneof(
  fc.constant<AuthMode>({ kind: "none" }),
  hostileString.map<AuthMode>((v) => ({ kind: "raw", value: v })),
  hostileString.map<AuthMode>((v) => ({ kind: "raw", value: `Bearer ${v}` })),
  hostileString.map<AuthMode>((v) => ({ kind: "raw", value: `Basic ${Buffer.from(v).toString("base64")}` })),
  fc.array(fc.tuple(fc.constantFrom("oauth_consumer_key", "oauth_token", "oauth_signature", "oauth_nonce", "oauth_timestamp", "oauth_signature_method", "oauth_version", "realm"), hostileString), { maxLength: 8 })
    .map<AuthMode>((params) => ({ kind: "oauth1-garbage", params })),
  { weight: 4, arbitrary: fc.constant<AuthMode>({ kind: "oauth1", withToken: true }) },
  { weight: 1, arbitrary: fc.constant<AuthMode>({ kind: "oauth1", withToken: false }) },
  { weight: 2, arbitrary: fc.constant<AuthMode>({ kind: "bearer-app" }) },
  { weight: 4, arbitrary: fc.constant<AuthMode>({ kind: "bearer-user" }) },
  { weight: 2, arbitrary: fc.constant<AuthMode>({ kind: "basic-client" }) },
  { weight: 2, arbitrary: fc.constant<AuthMode>({ kind: "basic-consumer" }) },
);

const segment = fc.oneof(
  hostileString.map((s) => encodeURIComponent(s)),
  fc.constantFrom("%", "%ZZ", "%2F", "..", "1", "12345678901234567890", "me", "_"),
  fc.constant("<friend>"),
);

interface Generated {
  method: string;
  params: Record<string, string>;
  query: string;
  auth: AuthMode;
  contentType: string | null;
  body: string | undefined;
  accept: string | null;
}

const generated = (method: fc.Arbitrary<string>, paramNames: string[]): fc.Arbitrary<Generated> =>
  fc.record({
    method,
    params: fc.tuple(...paramNames.map(() => segment)).map((v) => Object.fromEntries(paramNames.map((n, i) => [n, v[i]!]))),
    query: fc.option(queryString, { nil: "" }),
    auth: authMode,
    contentType,
    body,
    accept: fc.option(fc.constantFrom("application/json", "application/xml", "*/*", "text/html", "application/problem+json")),
  });

// ---------------------------------------------------------------------------------------------
// Requests and checks

function sign(method: string, url: string, formBody: string | undefined, withToken: boolean): string | null {
  const client = new OAuth1a({
    consumer: creds.api.consumer,
    signature_method: "HMAC-SHA1",
    hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
  });
  try {
    const data = formBody === undefined ? {} : Object.fromEntries(new URLSearchParams(formBody));
    return client.toHeader(client.authorize({ url, method, data }, withToken ? creds.oauth1User : undefined)).Authorization;
  } catch {
    return null; // the client library itself cannot encode this input (e.g. a lone surrogate)
  }
}

function authorization(mode: AuthMode, method: string, url: string, form: string | undefined): string | null {
  switch (mode.kind) {
    case "none":
      return null;
    case "raw":
      return mode.value;
    case "oauth1-garbage":
      return `OAuth ${mode.params.map(([k, v]) => `${k}="${v}"`).join(", ")}`;
    case "oauth1":
      return sign(method, url, form, mode.withToken);
    case "bearer-app":
      return `Bearer ${creds.bearer}`;
    case "bearer-user":
      return `Bearer ${creds.oauth2User}`;
    case "basic-client":
      return basicAuthHeader(creds.api.app.clientId, creds.api.clientSecret);
    case "basic-consumer":
      return basicAuthHeader(creds.api.consumer.key, creds.api.consumer.secret);
  }
}

type Family = "rfc6749" | "app-only" | "oauth1" | "v1" | "v2";

/** The family of the route that answered: `routePath` when the (normalized) request path still reaches it. */
function familyOf(method: string, requested: string, routePath: string): Family {
  const reaches = new RegExp(`^${routePath.replace(/:\w+/g, "[^/]+")}$`).test(requested);
  const path = reaches ? routePath : requested;
  const exists = reaches && ROUTES.some((r) => r.method === method && r.path === routePath);
  if (!exists) return path.startsWith("/2/") ? "v2" : "v1";
  if (path.startsWith("/2/oauth2/")) return "rfc6749";
  if (path.startsWith("/oauth2/")) return "app-only";
  if (path.startsWith("/oauth/") || path.startsWith("/1.1/oauth/")) return "oauth1";
  if (path.startsWith("/1.1/")) return "v1";
  return "v2";
}

const isV1Errors = (b: unknown) =>
  Array.isArray((b as { errors?: unknown })?.errors) &&
  (b as { errors: unknown[] }).errors.length > 0 &&
  (b as { errors: Array<{ code?: unknown; message?: unknown }> }).errors.every((e) => typeof e.code === "number" && typeof e.message === "string");
const isProblem = (b: unknown) => {
  const p = b as { title?: unknown; type?: unknown; detail?: unknown };
  return typeof p?.title === "string" && typeof p.type === "string" && typeof p.detail === "string";
};
const isRfc6749 = (b: unknown) => typeof (b as { error?: unknown })?.error === "string" && typeof (b as { error_description?: unknown }).error_description === "string";

/** The error body a refusal of this family must have. */
function documentedShape(family: Family, status: number, contentType: string, text: string): boolean {
  if (family === "oauth1") {
    if (contentType.startsWith("text/plain")) return (Object.values(OAUTH1_TEXT_ERRORS) as string[]).includes(text);
    if (contentType.startsWith("application/xml")) return /^<\?xml [^>]*\?><errors><error code="\d+">[^<]+<\/error><\/errors>$/.test(text);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  if (status === 429) return isProblem(json) || isV1Errors(json);
  if (family === "rfc6749") return isRfc6749(json);
  if (family === "v2") return isProblem(json);
  return isV1Errors(json);
}

async function send(routePath: string, g: Generated) {
  let path = routePath;
  for (const [name, value] of Object.entries(g.params)) path = path.replace(`:${name}`, value === "<friend>" ? creds.friendId : value);
  const url = `${ORIGIN}${path}${g.query ? `?${g.query}` : ""}`;
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null; // not a URL any client could send
  }
  const hasBody = g.body !== undefined && g.method !== "GET" && g.method !== "HEAD";
  const headers = new Headers();
  if (g.contentType !== null) headers.set("content-type", g.contentType);
  if (g.accept !== null) headers.set("accept", g.accept);
  const isForm = (g.contentType ?? "").startsWith("application/x-www-form-urlencoded");
  const auth = authorization(g.auth, g.method, url, hasBody && isForm ? g.body : undefined);
  try {
    if (auth !== null) headers.set("authorization", auth);
  } catch {
    return null; // not a header value any HTTP client could send (control characters)
  }
  const res = await app.request(url, { method: g.method, headers, body: hasBody ? g.body : undefined });
  return { res, pathname, text: await res.text(), signed: g.auth.kind === "oauth1" };
}

/** Status counts per endpoint, to show the runs get past authentication. */
const stats = new Map<string, Map<number, number>>();

async function check(method: string, routePath: string, g: Generated): Promise<void> {
  const db = getDb();
  const before = snapshot(db);
  errorSpy.mockClear();
  const sent = await send(routePath, g);
  if (!sent) return;
  const { res, text } = sent;
  const key = `${method} ${routePath}${process.env.FC_STATS === "auth" ? ` [${g.auth.kind}]` : ""}`;
  const counts = stats.get(key) ?? new Map<number, number>();
  stats.set(key, counts.set(res.status, (counts.get(res.status) ?? 0) + 1));
  const where = `${g.method} ${routePath} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  expect(errorSpy, where).not.toHaveBeenCalled();
  if (res.status >= 400) {
    expect(documentedShape(familyOf(g.method, sent.pathname, routePath), res.status, res.headers.get("content-type") ?? "", text), `undocumented error shape: ${where}`).toBe(true);
    // A validly signed OAuth 1.0a request spends its nonce even when refused (replay protection).
    const allowed = sent.signed ? ["oauth1_nonces"] : [];
    expect(changedTables(before, snapshot(db)).filter((t) => !allowed.includes(t)), `a refusal wrote: ${where}`).toEqual([]);
  }
}

const OTHER_METHODS = ["GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS"];

describe("every platform endpoint survives generated hostile requests", () => {
  it("discovers the endpoints from the app", () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ROUTES.map((r, i) => [`${r.method} ${r.path}`, r.method, r.path, i] as const))("%s", async (_name, method, routePath, i) => {
    const params = [...routePath.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    // A fresh user token per endpoint: an earlier endpoint's runs may have invalidated it.
    const fresh = issueOAuth1AccessToken(getDb(), { appId: creds.api.app.id, userId: creds.oauth1UserId, accessLevel: "read-write-directmessages", source: "oauth" });
    creds.oauth1User = { key: fresh.token, secret: fresh.secret };
    // Mostly the route's own method; sometimes another one (X's 404 shapes).
    const methods = fc.oneof({ weight: 9, arbitrary: fc.constant(method) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER_METHODS) });
    await fc.assert(fc.asyncProperty(generated(methods, params), (g) => check(method, routePath, g)), { seed: SEED + i });
  }, 120_000);

  it("unknown paths under the platform prefixes", async () => {
    const paths = fc.tuple(fc.constantFrom("/2/", "/1.1/", "/oauth2/", "/2/oauth2/", "/2/users/", "/2/dm_conversations/"), segment).map(([p, s]) => `${p}${s}`);
    await fc.assert(
      fc.asyncProperty(paths, generated(fc.constantFrom(...OTHER_METHODS), []), async (p, g) => {
        if (ROUTES.some((r) => new RegExp(`^${r.path.replace(/:\w+/g, "[^/]+")}$`).test(p))) return;
        await check(g.method, p, g);
      }),
    );
  }, 120_000);
});

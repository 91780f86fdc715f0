import * as oauth from "oauth4webapi";
import type { Db } from "@/db/client";
import { seedApp, seedDeveloper, type SeededApp } from "@/db/test-seed";
import { issueClientSecret } from "@/lib/domain/app-credentials";
import { approveRequestToken } from "@/lib/domain/oauth1";
import { approveAuthorization } from "@/lib/domain/oauth2/authorize";
import { authorizeParams, REDIRECT } from "@/lib/domain/oauth2/test-helpers";
import type { PublicUser } from "@/lib/domain/users";
import { nodeOAuthClient, oauth1aClient, startPlatform, type Credentials } from "./oauth1-test-support";

export { startPlatform, type Credentials };

let n = 0;
/** A short unique username (≤ 15 characters). */
export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-4)}${(n++).toString(36)}`.slice(0, 15);

export interface ApiApp extends SeededApp {
  consumer: Credentials;
  clientSecret: string;
}

/**
 * An App in a Project with OAuth 1.0a (Read, write and Direct Messages, email permission) and
 * OAuth 2.0 (Web App) on; `standalone` leaves it outside any Project.
 */
export async function seedApiApp(db: Db, prefix: string, opts: { standalone?: boolean } = {}): Promise<ApiApp> {
  const seeded = await seedApp(db, uniqueName(prefix), {
    standalone: opts.standalone,
    settings: {
      oauth1Enabled: true,
      oauth2Enabled: true,
      appType: "web",
      permission: "read-write-directmessages",
      requestEmail: true,
      callbackUrls: [REDIRECT],
      websiteUrl: "https://bot.example.com/",
      termsUrl: "https://bot.example.com/terms",
      privacyUrl: "https://bot.example.com/privacy",
    },
  });
  const clientSecret = issueClientSecret(db, seeded.app.id);
  return { ...seeded, consumer: { key: seeded.secrets.apiKey, secret: seeded.secrets.apiKeySecret }, clientSecret };
}

export const seedUser = async (db: Db, prefix: string): Promise<PublicUser> => (await seedDeveloper(db, uniqueName(prefix))).user;

/** A user's OAuth 1.0a access token from the real PIN flow (the `oauth` package), optionally lowered by x_auth_access_type. */
export async function oauth1Token(db: Db, base: string, app: ApiApp, userId: string, accessType?: "read" | "write"): Promise<Credentials> {
  const client = nodeOAuthClient(base, app.consumer, "oob");
  const rt = await client.requestToken(accessType ? { x_auth_access_type: accessType } : {});
  const outcome = approveRequestToken(db, { rawToken: rt.token, userId });
  if (outcome.kind !== "pin") throw new Error(`expected a PIN, got ${outcome.kind}`);
  const at = await client.accessToken(rt.token, rt.secret, outcome.pin);
  return { key: at.token, secret: at.secret };
}

/** A user's OAuth 2.0 access token: consent through the domain, code exchange with oauth4webapi over HTTP. */
export async function oauth2Token(db: Db, base: string, app: ApiApp, userId: string, scope: string): Promise<string> {
  const verifier = oauth.generateRandomCodeVerifier();
  const as: oauth.AuthorizationServer = { issuer: base, token_endpoint: `${base}/2/oauth2/token` };
  const client = { client_id: app.app.clientId };
  const params = authorizeParams(app.app.clientId, { scope, code_challenge: await oauth.calculatePKCECodeChallenge(verifier) });
  const outcome = approveAuthorization(db, userId, params);
  if (outcome.kind !== "redirect") throw new Error(`expected a redirect, got ${outcome.kind}`);
  const callback = oauth.validateAuthResponse(as, client, new URL(outcome.url), String(params.state));
  const res = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(app.clientSecret), callback, REDIRECT, verifier, {
    [oauth.allowInsecureRequests]: true,
  });
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, res);
  return tokens.access_token;
}

/** The App's app-only bearer token from POST /oauth2/token (client_credentials). */
export async function appOnlyToken(base: string, app: ApiApp): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(app.consumer.key)}:${encodeURIComponent(app.consumer.secret)}`).toString("base64");
  const res = await fetch(`${base}/oauth2/token`, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    body: "grant_type=client_credentials",
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

export type Auth = { oauth1: { consumer: Credentials; token: Credentials } } | { bearer: string } | null;

/** Calls the API as a client library would: OAuth 1.0a signed by `oauth-1.0a` (JSON bodies unsigned), or a Bearer token. */
export async function call(method: string, url: string, auth: Auth, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (auth && "oauth1" in auth) {
    const [, init] = oauth1aClient(auth.oauth1.consumer).sign(method, url, {}, auth.oauth1.token);
    Object.assign(headers, init.headers);
  } else if (auth) headers.authorization = `Bearer ${auth.bearer}`;
  return fetch(url, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
}

/** Status, x-access-level and JSON body of a response. */
export async function answer(res: Response) {
  return { status: res.status, level: res.headers.get("x-access-level"), body: (await res.json()) as Record<string, unknown> };
}

/** Status, rate-limit headers and JSON body of a call. */
export async function answerWithLimits(res: Response) {
  const limits = { limit: res.headers.get("x-rate-limit-limit"), remaining: res.headers.get("x-rate-limit-remaining"), reset: res.headers.get("x-rate-limit-reset") };
  return { ...(await answer(res)), limits };
}

/** Follows next_token from page to page (max 50 pages) and returns every page's body. */
export async function allPages(fetchPage: (token: string | null) => Promise<Response>): Promise<Record<string, unknown>[]> {
  const pages: Record<string, unknown>[] = [];
  let token: string | null = null;
  do {
    const res = await fetchPage(token);
    if (res.status !== 200) throw new Error(`page ${pages.length + 1}: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as Record<string, unknown>;
    pages.push(body);
    token = ((body.meta as { next_token?: string } | undefined)?.next_token) ?? null;
  } while (token && pages.length < 50);
  return pages;
}

/** The ids of a page's data, in order. */
export const idsOf = (body: Record<string, unknown>) => ((body.data as { id: string }[] | undefined) ?? []).map((d) => d.id);

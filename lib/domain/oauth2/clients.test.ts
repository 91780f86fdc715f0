import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { issueClientSecret } from "@/lib/domain/app-credentials";
import { basicAuthHeader, parseBasicAuth } from "@/lib/oauth2/basic-auth";

/** The Authorization header as the edge hands it to the domain: parsed once. */
const basicAuth = (id: string, secret: string) => parseBasicAuth(basicAuthHeader(id, secret));
const NONE = parseBasicAuth(undefined);
import { OAuth2Error } from "@/lib/oauth2/errors";
import { authenticateConsumer, invalidateBearerToken, obtainBearerToken } from "./app-only";
import { authenticateCaller, authenticateClient } from "./clients";
import { introspectToken } from "./introspect";
import { resolveBearer } from "./resolve";
import { approveAndGetCode, authorizeParams, REDIRECT, seedOAuth2App, VERIFIER } from "./test-helpers";
import { exchangeAuthorizationCode } from "./tokens";

let db: Db;
let web: Awaited<ReturnType<typeof seedOAuth2App>>;
let native: Awaited<ReturnType<typeof seedOAuth2App>>;
beforeAll(async () => {
  db = createTestDb();
  web = await seedOAuth2App(db, "web");
  native = await seedOAuth2App(db, "native");
});

function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof OAuth2Error) return { status: err.status, error: err.error, description: err.description };
    throw err;
  }
  throw new Error("expected a refusal");
}
const MISSING_HEADER = { status: 401, error: "unauthorized_client", description: "Missing valid authorization header" };

describe("client authentication at the token endpoint", () => {
  it("confidential clients authenticate with Basic client_id:client_secret", () => {
    expect(authenticateClient(db, { basic: basicAuth(web.app.clientId, web.clientSecret!) }).id).toBe(web.app.id);
  });

  it("a confidential client without the header gets X's 401 unauthorized_client", () => {
    expect(refusal(() => authenticateClient(db, { basic: NONE, clientId: web.app.clientId }))).toEqual(MISSING_HEADER);
    expect(refusal(() => authenticateClient(db, { basic: NONE, clientId: web.app.clientId, clientSecret: web.clientSecret! }))).toEqual(
      MISSING_HEADER,
    );
    expect(refusal(() => authenticateClient(db, { basic: parseBasicAuth("Basic %%%") }))).toEqual(MISSING_HEADER);
  });

  it("refuses a body secret that differs from Basic's, a wrong secret, and a mismatched client_id", () => {
    const header = basicAuth(web.app.clientId, web.clientSecret!);
    expect(refusal(() => authenticateClient(db, { basic: header, clientSecret: `${web.clientSecret!}x` }))?.error).toBe("invalid_request");
    expect(refusal(() => authenticateClient(db, { basic: header, clientId: native.app.clientId }))?.error).toBe("invalid_request");
    expect(refusal(() => authenticateClient(db, { basic: basicAuth(web.app.clientId, "wrong") }))).toMatchObject({
      status: 401,
      error: "invalid_client",
    });
  });

  it("accepts Basic repeated by client_id and client_secret in the body (twitter-api-v2, passport-oauth2)", () => {
    const header = basicAuth(web.app.clientId, web.clientSecret!);
    expect(authenticateClient(db, { basic: header, clientId: web.app.clientId, clientSecret: web.clientSecret! }).id).toBe(web.app.id);
  });

  it("takes an empty body client_secret as absent (node-oauth's public clients)", () => {
    expect(authenticateClient(db, { basic: NONE, clientId: native.app.clientId, clientSecret: "" }).id).toBe(native.app.id);
    expect(refusal(() => authenticateClient(db, { basic: NONE, clientId: native.app.clientId, clientSecret: "s" }))?.error).toBe("invalid_request");
  });

  it("a rotated secret keeps working during its grace period only", () => {
    const old = web.clientSecret!;
    const now = Date.now();
    const fresh = issueClientSecret(db, web.app.id, { graceUntil: now + 60_000 });
    expect(authenticateClient(db, { basic: basicAuth(web.app.clientId, old) }, now).id).toBe(web.app.id);
    expect(refusal(() => authenticateClient(db, { basic: basicAuth(web.app.clientId, old) }, now + 61_000))?.error).toBe("invalid_client");
    web.clientSecret = fresh;
  });

  it("public clients send client_id; they cannot use Basic or send a secret", () => {
    expect(authenticateClient(db, { basic: NONE, clientId: native.app.clientId }).id).toBe(native.app.id);
    expect(refusal(() => authenticateClient(db, { basic: NONE }))).toMatchObject({ status: 400, description: "Missing required parameter [client_id]." });
    expect(refusal(() => authenticateClient(db, { basic: NONE, clientId: native.app.clientId, clientSecret: "x" }))?.error).toBe(
      "invalid_request",
    );
    expect(refusal(() => authenticateClient(db, { basic: basicAuth(native.app.clientId, "x") }))?.error).toBe("invalid_client");
    expect(refusal(() => authenticateClient(db, { basic: NONE, clientId: "unknown" }))?.error).toBe("invalid_client");
  });

  it("a suspended App or OAuth 2.0 switched off is refused with invalid_client", () => {
    for (const change of [{ status: "suspended" as const }, { oauth2Enabled: false }]) {
      db.update(apps).set(change).where(eq(apps.id, native.app.id)).run();
      expect(refusal(() => authenticateClient(db, { basic: NONE, clientId: native.app.clientId }))).toMatchObject({
        status: 401,
        error: "invalid_client",
      });
      db.update(apps).set({ status: "active", oauth2Enabled: true }).where(eq(apps.id, native.app.id)).run();
    }
  });
});

describe("introspection", () => {
  it("the caller authenticates with client_id:secret or api_key:api_key_secret", () => {
    expect(authenticateCaller(db, basicAuth(web.app.clientId, web.clientSecret!)).id).toBe(web.app.id);
    expect(authenticateCaller(db, basicAuth(native.secrets.apiKey, native.secrets.apiKeySecret)).id).toBe(native.app.id);
    expect(refusal(() => authenticateCaller(db, basicAuth(native.secrets.apiKey, "wrong")))?.error).toBe("invalid_client");
    expect(refusal(() => authenticateCaller(db, NONE))?.status).toBe(401);
  });

  it("answers for tokens of the caller's own developer account only", async () => {
    const code = approveAndGetCode(db, native.user.id, authorizeParams(native.app.clientId));
    const tokens = exchangeAuthorizationCode(db, native.app, { code, redirectUri: REDIRECT, codeVerifier: VERIFIER });
    const info = introspectToken(db, native.app, tokens.access_token);
    expect(info).toMatchObject({
      active: true,
      token_type: "bearer",
      scope: "tweet.read users.read offline.access",
      client_id: native.app.clientId,
      username: native.user.username,
      sub: native.user.id,
    });
    expect(info.active && info.exp! - info.iat).toBe(7200);
    expect(introspectToken(db, native.app, tokens.refresh_token!)).toMatchObject({ active: true, token_type: "refresh_token" });
    expect(introspectToken(db, web.app, tokens.access_token)).toEqual({ active: false });
    expect(introspectToken(db, native.app, "garbage")).toEqual({ active: false });
  });
});

describe("app-only bearer tokens", () => {
  it("client_credentials returns the App's one bearer, the same until invalidated", () => {
    const app = authenticateConsumer(db, basicAuth(web.secrets.apiKey, web.secrets.apiKeySecret));
    expect(app?.id).toBe(web.app.id);
    const first = obtainBearerToken(db, app!);
    expect(first).toBe(web.secrets.bearerToken);
    expect(obtainBearerToken(db, app!)).toBe(first);
    expect(resolveBearer(db, first)?.app.id).toBe(web.app.id);
    expect(resolveBearer(db, decodeURIComponent(first))?.app.id).toBe(web.app.id);
    expect(introspectToken(db, web.app, first)).toMatchObject({ active: true, client_id: web.app.clientId });

    expect(invalidateBearerToken(db, native.app, first)).toBe(false);
    expect(invalidateBearerToken(db, app!, first)).toBe(true);
    expect(resolveBearer(db, first)).toBeNull();
    expect(invalidateBearerToken(db, app!, first)).toBe(false);
    expect(obtainBearerToken(db, app!)).not.toBe(first);
  });

  it("refuses wrong secrets and suspended Apps", () => {
    expect(authenticateConsumer(db, basicAuth(web.secrets.apiKey, "wrong"))).toBeNull();
    expect(authenticateConsumer(db, NONE)).toBeNull();
    db.update(apps).set({ status: "suspended" }).where(eq(apps.id, web.app.id)).run();
    expect(authenticateConsumer(db, basicAuth(web.secrets.apiKey, web.secrets.apiKeySecret))).toBeNull();
    db.update(apps).set({ status: "active" }).where(eq(apps.id, web.app.id)).run();
  });
});

import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps, authorizations, oauth2Codes, oauth2Grants } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { keyedHash } from "@/lib/credentials";
import { approveAuthorization, checkAuthorizeRequest, CODE_TTL_MS, denyAuthorization, readConsentForm } from "./authorize";
import { approveAndGetCode, authorizeParams, REDIRECT, seedOAuth2App } from "./test-helpers";

let db: Db;
let fx: Awaited<ReturnType<typeof seedOAuth2App>>;
beforeAll(async () => {
  db = createTestDb();
  fx = await seedOAuth2App(db, "web");
});

const redirectOf = (outcome: ReturnType<typeof checkAuthorizeRequest>) => {
  if (outcome.kind !== "redirect") throw new Error(`expected a redirect, got ${outcome.kind}`);
  return new URL(outcome.url);
};

describe("GET /i/oauth2/authorize checks", () => {
  it("shows consent for a good request, with the scopes in order", () => {
    const outcome = checkAuthorizeRequest(db, authorizeParams(fx.app.clientId));
    expect(outcome).toMatchObject({ kind: "consent", scopes: ["tweet.read", "users.read", "offline.access"] });
  });

  it.each([
    ["unknown client", { client_id: "nope" }],
    ["missing client", { client_id: undefined }],
    ["repeated client_id", { client_id: ["a", "b"] }],
    ["redirect not on the allowlist", { redirect_uri: "https://evil.example/callback" }],
    ["trailing slash differs", { redirect_uri: `${REDIRECT}/` }],
    ["redirect with an extra query", { redirect_uri: `${REDIRECT}?x=1` }],
    ["missing redirect", { redirect_uri: undefined }],
  ])("%s → the error page, never a redirect", (_name, override) => {
    const params = authorizeParams(fx.app.clientId, override as never);
    expect(checkAuthorizeRequest(db, params)).toEqual({ kind: "error-page" });
  });

  it("OAuth 2.0 off, no App type, or a suspended App → the error page", async () => {
    const other = await seedOAuth2App(db, "native");
    const params = authorizeParams(other.app.clientId);
    expect(checkAuthorizeRequest(db, params).kind).toBe("consent");
    for (const change of [{ oauth2Enabled: false }, { appType: null }, { status: "suspended" as const }]) {
      db.update(apps).set(change).where(eq(apps.id, other.app.id)).run();
      expect(checkAuthorizeRequest(db, params)).toEqual({ kind: "error-page" });
      db.update(apps).set({ oauth2Enabled: true, appType: "native", status: "active" }).where(eq(apps.id, other.app.id)).run();
    }
  });

  it.each([
    ["missing state", { state: undefined }, null],
    ["state over 500 characters", { state: "s".repeat(501) }, null],
    ["wrong response_type", { response_type: "token" }, "state-123"],
    ["missing code_challenge", { code_challenge: undefined }, "state-123"],
    ["short S256 challenge", { code_challenge: "abc" }, "state-123"],
    ["unknown challenge method", { code_challenge_method: "S512" }, "state-123"],
    ["missing challenge method", { code_challenge_method: undefined }, "state-123"],
    ["missing scope", { scope: undefined }, "state-123"],
    ["repeated state", { state: ["a", "b"] }, null],
  ])("%s → redirect with error=invalid_request", (_name, override, state) => {
    const url = redirectOf(checkAuthorizeRequest(db, authorizeParams(fx.app.clientId, override as never)));
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT);
    expect(url.searchParams.get("error")).toBe("invalid_request");
    expect(url.searchParams.get("state")).toBe(state);
    expect(url.searchParams.has("code")).toBe(false);
  });

  it("unknown scope, or users.email without the email permission → error=invalid_scope with state", () => {
    for (const scope of ["tweet.read bogus.scope", "users.email users.read"]) {
      const url = redirectOf(checkAuthorizeRequest(db, authorizeParams(fx.app.clientId, { scope })));
      expect(url.searchParams.get("error")).toBe("invalid_scope");
      expect(url.searchParams.get("state")).toBe("state-123");
    }
  });

  it("users.email is allowed for an App with the email permission", async () => {
    const emailApp = await seedOAuth2App(db, "spa", { requestEmail: true });
    expect(checkAuthorizeRequest(db, authorizeParams(emailApp.app.clientId, { scope: "users.email users.read" }))).toMatchObject({
      kind: "consent",
      scopes: ["users.email", "users.read"],
    });
  });
});

describe("consent decisions", () => {
  it("approve → redirect_uri?state=…&code=…, the code stored only as a keyed hash for 30 s", () => {
    const now = 1_700_000_000_000;
    const state = "with spaces & symbols=?/";
    const outcome = approveAuthorization(db, fx.user.id, authorizeParams(fx.app.clientId, { state }), now);
    const url = redirectOf(outcome);
    expect(url.searchParams.get("state")).toBe(state);
    expect([...url.searchParams.keys()]).toEqual(["state", "code"]);
    const code = url.searchParams.get("code")!;
    expect(Buffer.from(code, "base64url").toString()).toMatch(/^[A-Za-z0-9]{45}:1700000000000:1:1:ac:1$/);
    const row = db.select().from(oauth2Codes).where(eq(oauth2Codes.codeHash, keyedHash(code))).get();
    expect(row).toMatchObject({ redirectUri: REDIRECT, codeChallengeMethod: "S256", expiresAt: now + CODE_TTL_MS, usedAt: null });
    expect(JSON.stringify(db.select().from(oauth2Codes).all())).not.toContain(code);
    expect(db.select().from(authorizations).where(eq(authorizations.userId, fx.user.id)).get()?.oauth2Scope).toBe(
      "tweet.read users.read offline.access",
    );
  });

  it("a new approval replaces the user's previous grant for the App (one live grant)", () => {
    approveAndGetCode(db, fx.user.id, authorizeParams(fx.app.clientId));
    approveAndGetCode(db, fx.user.id, authorizeParams(fx.app.clientId, { scope: "tweet.read" }));
    const grants = db.select().from(oauth2Grants).where(eq(oauth2Grants.userId, fx.user.id)).all();
    expect(grants.map((g) => g.scope)).toEqual(["tweet.read"]);
  });

  it("approve of a bad request stores nothing and answers like the check", () => {
    const before = db.select().from(oauth2Codes).all().length;
    expect(approveAuthorization(db, fx.user.id, authorizeParams(fx.app.clientId, { redirect_uri: "https://evil.example/cb" }))).toEqual({
      kind: "error-page",
    });
    expect(redirectOf(approveAuthorization(db, fx.user.id, authorizeParams(fx.app.clientId, { scope: "nope" }))).searchParams.get("error")).toBe(
      "invalid_scope",
    );
    expect(db.select().from(oauth2Codes).all().length).toBe(before);
  });

  it("cancel → error=access_denied with state; a bad redirect still gets the error page", () => {
    const url = redirectOf(denyAuthorization(db, authorizeParams(fx.app.clientId)));
    expect(url.searchParams.get("error")).toBe("access_denied");
    expect(url.searchParams.get("state")).toBe("state-123");
    expect(denyAuthorization(db, authorizeParams(fx.app.clientId, { redirect_uri: "https://evil.example/cb" }))).toEqual({ kind: "error-page" });
  });

  it("custom-scheme redirects get the parameters appended", () => {
    const outcome = approveAuthorization(db, fx.user.id, authorizeParams(fx.app.clientId, { redirect_uri: "myapp://callback/path" }));
    expect(outcome.kind === "redirect" && outcome.url).toMatch(/^myapp:\/\/callback\/path\?state=state-123&code=[A-Za-z0-9_-]+$/);
  });
});

describe("the consent form's body", () => {
  it("carries the authorize request (a repeat stays a list), the decision and the ticket", () => {
    const form = readConsentForm("client_id=a&state=s&state=t&decision=approve&ticket=tk&other=x");
    expect(form.raw).toMatchObject({ client_id: "a", state: ["s", "t"], redirect_uri: undefined });
    expect(form.fields).toMatchObject({ client_id: "a", state: "s", redirect_uri: "" });
    expect(form).toMatchObject({ decision: "approve", ticket: "tk" });
    expect(Object.keys(form.raw)).not.toContain("other");
  });
});

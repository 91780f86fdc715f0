import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/problems";
import { oauth1Error } from "@/lib/oauth1";
import { OAuth2Error } from "@/lib/oauth2/errors";
import { endpoint, noAuth, type ErrorFamily } from "../endpoint";
import { apiV1Family, apiV2Family } from "./api";
import { AppOnlyRefusal, appOnlyFamily } from "./app-only";
import { oauth1Family } from "./oauth1";
import { oauth2Family } from "./oauth2";

/** One endpoint per family whose handler throws what it is given; answered through app.request(). */
async function answerOf(family: ErrorFamily, err: unknown) {
  const app = new Hono();
  app.post("/x", endpoint({ auth: noAuth, errors: family }, () => {
    throw err;
  }));
  const res = await app.request("/x", { method: "POST" });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

describe("each protocol family answers its own errors in its own shape", () => {
  it("OAuth 2.0: RFC 6749 body, no-store, a Basic challenge on 401", async () => {
    const res = await answerOf(oauth2Family, new OAuth2Error("invalid_client", "Client authentication failed.", 401));
    expect([res.status, JSON.parse(res.body)]).toEqual([401, { error: "invalid_client", error_description: "Client authentication failed." }]);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
  });

  it("app-only: 403 code 99", async () => {
    const res = await answerOf(appOnlyFamily, new AppOnlyRefusal());
    expect([res.status, JSON.parse(res.body)]).toEqual([403, { errors: [{ code: 99, label: "authenticity_token_error", message: "Unable to verify your credentials" }] }]);
  });

  it("OAuth 1.0a: X's v1.1 code", async () => {
    const res = await answerOf(oauth1Family, oauth1Error(89));
    expect([res.status, JSON.parse(res.body)]).toEqual([401, { errors: [{ code: 89, message: "Invalid or expired token." }] }]);
  });

  it("API: the ApiError's status and body", async () => {
    const res = await answerOf(apiV2Family, new ApiError(403, { title: "Forbidden", detail: "Forbidden", type: "about:blank", status: 403 }));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ title: "Forbidden" });
  });
});

describe("a fault is answered in the family's shape and never leaks its detail", () => {
  const boom = () => new Error("SQLITE_CORRUPT secret-ish detail");
  it.each([
    ["OAuth 2.0", oauth2Family, { error: "server_error", error_description: "Something went wrong." }],
    ["app-only", appOnlyFamily, { errors: [{ code: 131, message: "Internal error" }] }],
    ["OAuth 1.0a", oauth1Family, { errors: [{ code: 131, message: "Internal error" }] }],
    ["API v2", apiV2Family, { title: "Internal Server Error", detail: "Something went wrong.", type: "about:blank", status: 500 }],
    ["API v1.1", apiV1Family, { errors: [{ code: 131, message: "Internal error" }] }],
  ] as const)("%s", async (_name, family, body) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await answerOf(family, boom());
    const logged = log.mock.calls.length;
    log.mockRestore();
    expect([res.status, JSON.parse(res.body)]).toEqual([500, body]);
    expect(res.body).not.toContain("SQLITE");
    expect(logged).toBe(1);
  });
});

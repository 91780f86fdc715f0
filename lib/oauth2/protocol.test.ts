import { describe, expect, it } from "vitest";
import { tokenRequestSchema } from "@/lib/validation/oauth2";
import { basicAuthHeader, parseBasicAuth } from "./basic-auth";
import { consentTicket, CONSENT_TICKET_TTL_MS, verifyConsentTicket } from "./consent-ticket";
import { fromParamIssues } from "./errors";


describe("HTTP Basic client credentials", () => {
  it("decodes form-urlencoded halves (RFC 6749 §2.3.1)", () => {
    expect(parseBasicAuth(basicAuthHeader("id:with colon", "s+cr%t"))).toEqual({ kind: "basic", id: "id:with colon", secret: "s+cr%t" });
    const raw = `Basic ${Buffer.from("a+b:c%2Bd").toString("base64")}`;
    expect(parseBasicAuth(raw)).toEqual({ kind: "basic", id: "a b", secret: "c+d" });
  });

  it("tells a missing header from a malformed one", () => {
    expect(parseBasicAuth(undefined)).toEqual({ kind: "none" });
    expect(parseBasicAuth("")).toEqual({ kind: "none" });
    for (const bad of ["Bearer abc", "Basic", "Basic !!!", `Basic ${btoa("nocolon")}`, `Basic ${btoa(":secret")}`, `Basic ${btoa("a:%E0%A4%A")}`, `Basic ${"A".repeat(3000)}`]) {
      expect(parseBasicAuth(bad)).toEqual({ kind: "malformed" });
    }
  });
});

describe("RFC 6749 error mapping", () => {
  const issuesOf = (input: Record<string, string>) => {
    const r = tokenRequestSchema.safeParse(input);
    if (r.success) throw new Error("expected a failure");
    return fromParamIssues(r.error.issues, input).toJSON();
  };

  it("words missing, unsupported and invalid parameters as X does", () => {
    expect(issuesOf({})).toEqual({ error: "invalid_request", error_description: "Missing required parameter [grant_type]." });
    expect(issuesOf({ grant_type: "password" }).error).toBe("unsupported_grant_type");
    expect(issuesOf({ grant_type: "authorization_code", code: "c", redirect_uri: "r" })).toEqual({
      error: "invalid_request",
      error_description: "Missing required parameter [code_verifier].",
    });
    expect(issuesOf({ grant_type: "refresh_token", refresh_token: "x".repeat(3000) }).error_description).toBe(
      "Value passed for the refresh token was invalid.",
    );
  });
});

describe("consent ticket", () => {
  const params = { client_id: "c", state: "s" };
  it("binds the session, the exact request and a time window", () => {
    const t = consentTicket("sid", params, 1_000_000);
    expect(verifyConsentTicket(t, "sid", params, 1_000_000 + 5000)).toBe(true);
    expect(verifyConsentTicket(t, "other", params, 1_000_000)).toBe(false);
    expect(verifyConsentTicket(t, "sid", { ...params, state: "t" }, 1_000_000)).toBe(false);
    expect(verifyConsentTicket(t, "sid", params, 1_000_000 + CONSENT_TICKET_TTL_MS + 1)).toBe(false);
    expect(verifyConsentTicket("garbage", "sid", params, 1_000_000)).toBe(false);
    expect(verifyConsentTicket(`${1_000_000}.${"A".repeat(43)}`, "sid", params, 1_000_000)).toBe(false);
  });
});

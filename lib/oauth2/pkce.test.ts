import { describe, expect, it } from "vitest";
import { s256, verifyPkce } from "./pkce";

// RFC 7636 appendix B (the challenge as the RFC prints it).
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("PKCE", () => {
  it("computes the RFC 7636 appendix B S256 challenge", () => {
    expect(s256(VERIFIER)).toBe(CHALLENGE);
  });

  it("accepts the matching S256 verifier and refuses any other", () => {
    expect(verifyPkce(VERIFIER, CHALLENGE, "S256")).toBe(true);
    expect(verifyPkce(`${VERIFIER.slice(0, -1)}j`, CHALLENGE, "S256")).toBe(false);
    expect(verifyPkce(CHALLENGE, CHALLENGE, "S256")).toBe(false);
  });

  it("plain compares verifier and challenge as they are (X's docs example: challenge/challenge)", () => {
    expect(verifyPkce("challenge", "challenge", "plain")).toBe(true);
    expect(verifyPkce("challengE", "challenge", "plain")).toBe(false);
    expect(verifyPkce(VERIFIER, CHALLENGE, "plain")).toBe(false);
  });

  it("refuses verifiers outside RFC 7636's character set, empty ones and ones past 256", () => {
    expect(verifyPkce("has space", "has space", "plain")).toBe(false);
    expect(verifyPkce("", "", "plain")).toBe(false);
    expect(verifyPkce("a".repeat(257), "a".repeat(257), "plain")).toBe(false);
    expect(verifyPkce("a".repeat(256), "a".repeat(256), "plain")).toBe(true);
  });

  it("accepts tweepy's 171-character verifier (oauthlib's secrets.token_urlsafe(128))", () => {
    const verifier = "Ab0-_".repeat(34) + "Z";
    expect(verifier).toHaveLength(171);
    expect(verifyPkce(verifier, s256(verifier), "S256")).toBe(true);
  });
});

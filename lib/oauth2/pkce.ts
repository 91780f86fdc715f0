import { createHash } from "node:crypto";
import { safeEqual } from "@/lib/credentials";

export const PKCE_METHODS = ["S256", "plain"] as const;
export type PkceMethod = (typeof PKCE_METHODS)[number];

/**
 * A code verifier or plain challenge: RFC 7636's unreserved characters, at most 128. Like X, a
 * shorter value than RFC 7636's 43 is accepted (X's own docs use `challenge` with `plain`).
 */
export const PKCE_VALUE = /^[A-Za-z0-9._~-]{1,128}$/;
/** An S256 challenge: base64url (no padding) of a SHA-256 digest. */
export const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export const s256 = (verifier: string) => createHash("sha256").update(verifier, "ascii").digest("base64url");

/** Constant-time PKCE check of a verifier against the challenge stored with the code. */
export function verifyPkce(verifier: string, challenge: string, method: PkceMethod): boolean {
  if (!PKCE_VALUE.test(verifier)) return false;
  return safeEqual(method === "S256" ? s256(verifier) : verifier, challenge);
}

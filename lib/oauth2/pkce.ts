import { createHash } from "node:crypto";
import { safeEqual } from "@/lib/credentials";
import { PKCE_VALUE, type PkceMethod } from "@/lib/validation/pkce";

export const s256 = (verifier: string) => createHash("sha256").update(verifier, "ascii").digest("base64url");

/** Constant-time PKCE check of a verifier against the challenge stored with the code. */
export function verifyPkce(verifier: string, challenge: string, method: PkceMethod): boolean {
  if (!PKCE_VALUE.test(verifier)) return false;
  return safeEqual(method === "S256" ? s256(verifier) : verifier, challenge);
}

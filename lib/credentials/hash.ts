import { createHmac, hash, timingSafeEqual } from "node:crypto";
import { keyMaterial } from "./keys";

/** HMAC-SHA256 of `value` under the server pepper: the stored form of lookup-only secrets. */
export function keyedHash(value: string, pepper: Buffer = keyMaterial().pepper): string {
  return createHmac("sha256", pepper).update(value, "utf8").digest("base64url");
}

/**
 * Constant-time string comparison. Every comparison of a secret, signature or hash goes
 * through here; lengths are compared via fixed-size digests so they do not leak either.
 * (One-shot SHA-256: a third of an HMAC's cost, and these run on every authenticated call.)
 */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(hash("sha256", a, "buffer"), hash("sha256", b, "buffer")) && a.length === b.length;
}

/** True when `value` hashes to `hash` (constant time). */
export function verifyKeyedHash(value: string, hash: string, pepper?: Buffer): boolean {
  return safeEqual(keyedHash(value, pepper), hash);
}

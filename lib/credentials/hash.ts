import { createHmac, timingSafeEqual } from "node:crypto";
import { keyMaterial } from "./keys";

/** HMAC-SHA256 of `value` under the server pepper: the stored form of lookup-only secrets. */
export function keyedHash(value: string, pepper: Buffer = keyMaterial().pepper): string {
  return createHmac("sha256", pepper).update(value, "utf8").digest("base64url");
}

/**
 * Constant-time string comparison. Every comparison of a secret, signature or hash goes
 * through here; lengths are compared via fixed-size digests so they do not leak either.
 */
export function safeEqual(a: string, b: string): boolean {
  const da = createHmac("sha256", "devportal-compare").update(a).digest();
  const db = createHmac("sha256", "devportal-compare").update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

/** True when `value` hashes to `hash` (constant time). */
export function verifyKeyedHash(value: string, hash: string, pepper?: Buffer): boolean {
  return safeEqual(keyedHash(value, pepper), hash);
}

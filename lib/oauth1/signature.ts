import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/credentials/hash";
import { percentEncode } from "./encoding";

/** §3.4.2: `enc(consumer secret)&enc(token secret)`; the token part is empty without a token. */
export const signingKey = (consumerSecret: string, tokenSecret = "") => `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;

/** HMAC-SHA1 signature (base64) of a base string. */
export function hmacSha1Signature(baseString: string, consumerSecret: string, tokenSecret = ""): string {
  return createHmac("sha1", signingKey(consumerSecret, tokenSecret)).update(baseString, "utf8").digest("base64");
}

/** Constant-time check of a client's oauth_signature against the expected HMAC-SHA1 value. */
export function verifyHmacSha1(baseString: string, signature: string, consumerSecret: string, tokenSecret = ""): boolean {
  return safeEqual(hmacSha1Signature(baseString, consumerSecret, tokenSecret), signature);
}

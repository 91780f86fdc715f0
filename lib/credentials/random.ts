import { randomBytes, randomInt } from "node:crypto";

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const BASE64URL = `${ALNUM}-_`;
const BASE64 = `${ALNUM}+/`;

/** `length` characters drawn uniformly from `alphabet` (rejection sampling over random bytes). */
export function randomString(length: number, alphabet: string = ALNUM): string {
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export const randomAlnum = (length: number) => randomString(length, ALNUM);
export const randomBase64Chars = (length: number) => randomString(length, BASE64);
export const randomDigits = (length: number) =>
  Array.from({ length }, (_, i) => String(i === 0 ? randomInt(1, 10) : randomInt(10))).join("");

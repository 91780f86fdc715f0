import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { keyMaterial } from "./keys";

const VERSION = "v1";

/** AES-256-GCM; output `v1.<base64url(iv | tag | ciphertext)>`. `aad` binds the value to its use. */
export function encrypt(plaintext: string, aad = "", key: Buffer = keyMaterial().encryptionKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString("base64url")}`;
}

/**
 * Decrypts `encrypt`'s output; throws on a wrong key, wrong `aad` or any tampering.
 *
 * Successful openings are remembered per key (bounded, oldest dropped first): the hot paths open
 * the same few secrets on every call (an App's API Key Secret, its bearer token), and AES-GCM
 * setup cost more than the lookup that found them. The answer is the same by construction — the
 * memo is keyed by the exact sealed value, which embeds its random IV and tag — and a failure is
 * never remembered. The plaintexts stay in this process only, next to the key that opens them.
 */
export function decrypt(sealed: string, aad = "", key: Buffer = keyMaterial().encryptionKey): string {
  let memo = opened.get(key);
  if (!memo) opened.set(key, (memo = new Map()));
  const id = `${aad}\n${sealed}`;
  const known = memo.get(id);
  if (known !== undefined) return known;
  const plaintext = open(sealed, aad, key);
  if (memo.size >= MAX_REMEMBERED) memo.delete(memo.keys().next().value!);
  memo.set(id, plaintext);
  return plaintext;
}

/** How many opened values are remembered per key. */
export const MAX_REMEMBERED = 10_000;

const opened = new WeakMap<Buffer, Map<string, string>>();

/** How many opened values are remembered for `key` (tests check the bound). */
export const rememberedCount = (key: Buffer = keyMaterial().encryptionKey) => opened.get(key)?.size ?? 0;

function open(sealed: string, aad: string, key: Buffer): string {
  const [version, body] = sealed.split(".");
  if (version !== VERSION || !body) throw new Error("unsupported ciphertext");
  const raw = Buffer.from(body, "base64url");
  if (raw.length < 28) throw new Error("ciphertext too short");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

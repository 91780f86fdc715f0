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

/** Decrypts `encrypt`'s output; throws on a wrong key, wrong `aad` or any tampering. */
export function decrypt(sealed: string, aad = "", key: Buffer = keyMaterial().encryptionKey): string {
  const [version, body] = sealed.split(".");
  if (version !== VERSION || !body) throw new Error("unsupported ciphertext");
  const raw = Buffer.from(body, "base64url");
  if (raw.length < 28) throw new Error("ciphertext too short");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

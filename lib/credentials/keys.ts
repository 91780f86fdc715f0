import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";

export interface KeyMaterial {
  authSecret: string;
  encryptionKey: Buffer;
  pepper: Buffer;
}

interface StoredSecrets {
  authSecret: string;
  encryptionKey: string;
  pepper: string;
}

export const secretsFile = () => path.join(env.dataDir, "secrets.json");

function decodeKey(value: string, name: string): Buffer {
  const buf = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (buf.length !== 32) throw new Error(`${name} must be 32 bytes (64 hex characters or base64)`);
  return buf;
}

/** Reads the generated secrets file, creating it (mode 0600) on first use. */
function loadOrCreateSecretsFile(): StoredSecrets {
  const file = secretsFile();
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as StoredSecrets;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fresh: StoredSecrets = {
    authSecret: randomBytes(32).toString("base64"),
    encryptionKey: randomBytes(32).toString("base64"),
    pepper: randomBytes(32).toString("base64"),
  };
  try {
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: "wx" });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    return JSON.parse(fs.readFileSync(file, "utf8")) as StoredSecrets;
  }
}

const cache = globalThis as unknown as { devportalKeys?: KeyMaterial };

/** Key material: each value from env when set (AUTH_SECRET, ENCRYPTION_KEY, HASH_PEPPER), else from the data folder. */
export function keyMaterial(): KeyMaterial {
  if (cache.devportalKeys) return cache.devportalKeys;
  const needsFile = !process.env.AUTH_SECRET || !process.env.ENCRYPTION_KEY || !process.env.HASH_PEPPER;
  const stored = needsFile ? loadOrCreateSecretsFile() : undefined;
  cache.devportalKeys = {
    authSecret: process.env.AUTH_SECRET ?? stored!.authSecret,
    encryptionKey: decodeKey(process.env.ENCRYPTION_KEY ?? stored!.encryptionKey, "ENCRYPTION_KEY"),
    pepper: decodeKey(process.env.HASH_PEPPER ?? stored!.pepper, "HASH_PEPPER"),
  };
  return cache.devportalKeys;
}


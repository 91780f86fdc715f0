import { ALNUM, BASE64URL, randomAlnum, randomBase64Chars, randomDigits, randomString } from "./random";

/** Credential formats of DESIGN.md ("Credentials"), in one place. */
export const FORMATS = {
  apiKey: { length: 25, pattern: /^[A-Za-z0-9]{25}$/ },
  apiKeySecret: { length: 50, pattern: /^[A-Za-z0-9]{50}$/ },
  accessToken: { pattern: /^[0-9]+-[A-Za-z0-9]{40}$/ },
  accessTokenSecret: { length: 45, pattern: /^[A-Za-z0-9]{45}$/ },
  bearerToken: { pattern: /^A{22}[A-Za-z0-9%]{80,}$/ },
  clientId: { length: 34, pattern: /^[A-Za-z0-9_-]{34}$/ },
  clientSecret: { length: 50, pattern: /^[A-Za-z0-9_-]{50}$/ },
  oauth2Token: { pattern: /^[A-Za-z0-9_-]{90,100}$/ },
  requestToken: { length: 27, pattern: /^[A-Za-z0-9]{27}$/ },
  verifier: { length: 32, pattern: /^[A-Za-z0-9]{32}$/ },
  pin: { length: 7, pattern: /^[0-9]{7}$/ },
} as const;

const b64url = (s: string) => Buffer.from(s, "utf8").toString("base64url");

export const generateApiKey = () => randomAlnum(25);
export const generateApiKeySecret = () => randomAlnum(50);
export const generateAccessToken = (userId: string) => `${userId}-${randomAlnum(40)}`;
export const generateAccessTokenSecret = () => randomAlnum(45);
export const generateRequestToken = () => randomAlnum(27);
export const generateVerifier = () => randomAlnum(32);
export const generatePin = () => randomDigits(7);

/** App-only bearer: 22 `A`s, 4 chars, 7 `A`s, random, `=`, random — returned percent-encoded. */
export function generateBearerToken(): string {
  const decoded = `${"A".repeat(22)}${randomAlnum(4)}${"A".repeat(7)}${randomBase64Chars(26)}=${randomAlnum(50)}`;
  return encodeURIComponent(decoded);
}

/** base64url (no padding) of `<20 random>:1:ci` — 34 characters. */
export const generateClientId = () => b64url(`${randomString(20, BASE64URL)}:1:ci`);
export const generateClientSecret = () => randomString(50, BASE64URL);

export type OAuth2TokenKind = "ac" | "at" | "rt";
/** base64url of `<45 random>:<ms>:1:<0|1>:<ac|at|rt>:1`, as X's codes and tokens decode. */
export function generateOAuth2Token(kind: OAuth2TokenKind, now = Date.now()): string {
  const flag = kind === "ac" ? "1" : "0";
  return b64url(`${randomString(45, ALNUM)}:${now}:1:${flag}:${kind}:1`);
}

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  apiKeyHint,
  decrypt,
  encrypt,
  FORMATS,
  generateAccessToken,
  generateAccessTokenSecret,
  generateApiKey,
  generateApiKeySecret,
  generateBearerToken,
  generateClientId,
  generateClientSecret,
  generateOAuth2Token,
  generatePin,
  generateRequestToken,
  generateVerifier,
  keyedHash,
  MAX_REMEMBERED,
  rememberedCount,
  safeEqual,
  secretHint,
  verifyKeyedHash,
} from "./index";

const DRAWS = 2000;

function distinct(gen: () => string): number {
  return new Set(Array.from({ length: DRAWS }, gen)).size;
}

describe("credential formats", () => {
  it.each([
    ["API Key", generateApiKey, FORMATS.apiKey.pattern],
    ["API Key Secret", generateApiKeySecret, FORMATS.apiKeySecret.pattern],
    ["Access Token Secret", generateAccessTokenSecret, FORMATS.accessTokenSecret.pattern],
    ["Client ID", generateClientId, FORMATS.clientId.pattern],
    ["Client Secret", generateClientSecret, FORMATS.clientSecret.pattern],
    ["request token", generateRequestToken, FORMATS.requestToken.pattern],
    ["verifier", generateVerifier, FORMATS.verifier.pattern],
    ["PIN", generatePin, FORMATS.pin.pattern],
    ["bearer token", generateBearerToken, FORMATS.bearerToken.pattern],
  ] as const)("%s has the documented format and is unique over %#000 draws", (_name, gen, pattern) => {
    for (let i = 0; i < 200; i++) expect(gen()).toMatch(pattern);
    // A 7-digit PIN space is small; everything else must never repeat.
    if (gen !== generatePin) expect(distinct(gen)).toBe(DRAWS);
  });

  it("API Key is 25 alphanumerics, its secret 50, an access token secret 45", () => {
    expect(generateApiKey()).toHaveLength(25);
    expect(generateApiKeySecret()).toHaveLength(50);
    expect(generateAccessTokenSecret()).toHaveLength(45);
  });

  it("access tokens start with the numeric user id", () => {
    const token = generateAccessToken("1234567890123456789");
    expect(token).toMatch(FORMATS.accessToken.pattern);
    expect(token.startsWith("1234567890123456789-")).toBe(true);
    expect(token.split("-")[1]).toHaveLength(40);
  });

  it("client ids decode to `<20>:1:ci` and are 34 characters", () => {
    const id = generateClientId();
    expect(id).toHaveLength(34);
    expect(Buffer.from(id, "base64url").toString()).toMatch(/^[A-Za-z0-9_-]{20}:1:ci$/);
  });

  it("OAuth 2.0 codes and tokens decode to X's layout", () => {
    const now = 1622160825825;
    expect(Buffer.from(generateOAuth2Token("ac", now), "base64url").toString()).toMatch(/^[A-Za-z0-9]{45}:1622160825825:1:1:ac:1$/);
    expect(Buffer.from(generateOAuth2Token("at", now), "base64url").toString()).toMatch(/:1:0:at:1$/);
    expect(Buffer.from(generateOAuth2Token("rt", now), "base64url").toString()).toMatch(/:1:0:rt:1$/);
    expect(generateOAuth2Token("at")).toMatch(FORMATS.oauth2Token.pattern);
  });

  it("bearer tokens decode to 22 A's, 4 chars, 7 A's, random = random, ~110 characters", () => {
    const decoded = decodeURIComponent(generateBearerToken());
    expect(decoded).toMatch(/^A{22}[A-Za-z0-9]{4}A{7}[A-Za-z0-9+/]{26}=[A-Za-z0-9]{50}$/);
    expect(decoded).toHaveLength(110);
  });

  it("PINs are 7 digits without a leading zero", () => {
    for (let i = 0; i < 500; i++) expect(generatePin()).toMatch(/^[1-9][0-9]{6}$/);
  });
});

describe("hints", () => {
  it("API Key hint shows the first and last four characters only", () => {
    expect(apiKeyHint("abcdEFGHijklMNOPqrstUVWXy")).toBe("abcd…VWXy");
  });
  it("secret hint shows the last four characters only", () => {
    expect(secretHint("supersecretvalue1234")).toBe("…1234");
  });
});

describe("keyed hashing", () => {
  it("verifies the right value and refuses others", () => {
    const h = keyedHash("token-value");
    expect(verifyKeyedHash("token-value", h)).toBe(true);
    expect(verifyKeyedHash("token-valuf", h)).toBe(false);
    expect(verifyKeyedHash("", h)).toBe(false);
  });
  it("depends on the pepper", () => {
    expect(keyedHash("x", randomBytes(32))).not.toBe(keyedHash("x", randomBytes(32)));
  });
  it("safeEqual compares exactly, including length", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});

describe("encryption", () => {
  it("round-trips and never stores the plaintext", () => {
    const secret = generateApiKeySecret();
    const sealed = encrypt(secret, "consumer");
    expect(sealed).not.toContain(secret);
    expect(decrypt(sealed, "consumer")).toBe(secret);
  });
  it("uses a fresh IV each time", () => {
    expect(encrypt("same")).not.toBe(encrypt("same"));
  });
  it("refuses tampered ciphertext", () => {
    const sealed = encrypt("hello world");
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] ^= 1;
    expect(() => decrypt(`v1.${raw.toString("base64url")}`)).toThrow();
  });
  it("refuses a wrong key", () => {
    const sealed = encrypt("hello", "", randomBytes(32));
    expect(() => decrypt(sealed, "", randomBytes(32))).toThrow();
  });
  it("refuses a value sealed for another purpose", () => {
    expect(() => decrypt(encrypt("hello", "bearer"), "consumer")).toThrow();
  });
  it("remembers an opened value only for its exact key, purpose and ciphertext", () => {
    const key = randomBytes(32);
    const sealed = encrypt("hello", "bearer", key);
    expect(decrypt(sealed, "bearer", key)).toBe("hello");
    expect(decrypt(sealed, "bearer", key)).toBe("hello");
    expect(() => decrypt(sealed, "consumer", key)).toThrow();
    expect(() => decrypt(sealed, "bearer", randomBytes(32))).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1] ^= 1;
    expect(() => decrypt(`v1.${raw.toString("base64url")}`, "bearer", key)).toThrow();
    expect(rememberedCount(key)).toBe(1);
  });
  it("keeps a bounded number of opened values", () => {
    const key = randomBytes(32);
    const values = Array.from({ length: MAX_REMEMBERED + 50 }, (_, i) => encrypt(`v${i}`, "", key));
    values.forEach((v, i) => expect(decrypt(v, "", key)).toBe(`v${i}`));
    expect(rememberedCount(key)).toBe(MAX_REMEMBERED);
    expect(decrypt(values[0]!, "", key)).toBe("v0");
  });
});

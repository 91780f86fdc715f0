export const PKCE_METHODS = ["S256", "plain"] as const;
export type PkceMethod = (typeof PKCE_METHODS)[number];

/**
 * A code verifier or plain challenge: RFC 7636's unreserved characters. Like X, lengths outside
 * RFC 7636's 43–128 are accepted: shorter (X's own docs use `challenge` with `plain`), and longer —
 * tweepy 4.x's OAuth2UserHandler asks oauthlib for `create_code_verifier(128)`, which is
 * `secrets.token_urlsafe(128)`: 171 characters. X's own bound is not documented; we take 256.
 */
export const PKCE_VALUE = /^[A-Za-z0-9._~-]{1,256}$/;
/** An S256 challenge: base64url (no padding) of a SHA-256 digest. */
export const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

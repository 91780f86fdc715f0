import { z } from "zod";
import { PKCE_METHODS, PKCE_VALUE, S256_CHALLENGE, type PkceMethod } from "./pkce";

/** No OAuth 2.0 parameter is legitimately longer (state is ≤ 500, tokens ~91, verifiers ≤ 256). */
export const MAX_PARAM_LENGTH = 2048;
export const MAX_STATE_LENGTH = 500;

const param = z.string().min(1).max(MAX_PARAM_LENGTH);
// An empty client_secret is allowed here: node-oauth (passport-oauth2) sends `client_secret=` for
// public clients, and client authentication takes it as absent.
const clientFields = { client_id: param.optional(), client_secret: z.string().max(MAX_PARAM_LENGTH).optional() };

/** POST /2/oauth2/token: one shape per grant type. */
export const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({ grant_type: z.literal("authorization_code"), code: param, redirect_uri: param, code_verifier: param, ...clientFields }),
  z.object({ grant_type: z.literal("refresh_token"), refresh_token: param, scope: param.optional(), ...clientFields }),
]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

/** POST /2/oauth2/revoke (RFC 7009). */
export const revokeRequestSchema = z.object({
  token: param,
  token_type_hint: z.string().max(64).optional(),
  ...clientFields,
});

/** POST /2/oauth2/introspect (RFC 7662). */
export const introspectRequestSchema = z.object({ token: param, token_type_hint: z.string().max(64).optional() });

/** POST /oauth2/token (app-only). */
export const clientCredentialsSchema = z.object({ grant_type: z.literal("client_credentials") });

/** POST /oauth2/invalidate_token (app-only). */
export const invalidateBearerSchema = z.object({ access_token: param });

/**
 * `code_challenge_method`, matched without case and stored as RFC 7636 spells it: twitter-api-v2
 * 1.29 `generateOAuth2AuthLink` and X's twitter-api-sdk 1.2 (`code_challenge_method: "s256"`)
 * both send `s256`, and X accepts them.
 */
const pkceMethodSchema = z.string().transform((method, ctx): PkceMethod => {
  const known = PKCE_METHODS.find((m) => m.toLowerCase() === method.toLowerCase());
  if (known) return known;
  ctx.addIssue({ code: "custom", message: "Unsupported code_challenge_method." });
  return z.NEVER;
});

/** GET /i/oauth2/authorize, once client_id and redirect_uri are known to be good. */
export const authorizeRequestSchema = z
  .object({
    response_type: z.literal("code"),
    client_id: param,
    redirect_uri: param,
    scope: param,
    state: z.string().min(1).max(MAX_STATE_LENGTH),
    code_challenge: z.string().regex(PKCE_VALUE),
    code_challenge_method: pkceMethodSchema,
  })
  .refine((r) => r.code_challenge_method !== "S256" || S256_CHALLENGE.test(r.code_challenge), {
    path: ["code_challenge"],
  });
export type AuthorizeRequest = z.infer<typeof authorizeRequestSchema>;
export const AUTHORIZE_PARAMS = Object.keys(authorizeRequestSchema.shape) as (keyof AuthorizeRequest)[];

/** The consent form's own fields (the authorize request travels beside them, re-validated). */
export const consentDecisionSchema = z.object({
  decision: z.enum(["approve", "cancel"]),
  ticket: z.string().min(1).max(200),
});

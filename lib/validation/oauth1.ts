import { z } from "zod";

/** `x_auth_access_type` of POST /oauth/request_token; other values are ignored, as by X. */
export const xAuthAccessTypeSchema = z.enum(["read", "write"]);

/** oauth_callback: an absolute URL or `oob` (PIN flow). Matching against the allowlist happens in the domain. */
export const MAX_OAUTH_CALLBACK_LENGTH = 4096;

export const REQUEST_TOKEN_PATTERN = /^[A-Za-z0-9]{27}$/;

/** Query of GET /oauth/authorize and /oauth/authenticate. */
export const consentQuerySchema = z.object({
  oauth_token: z.string().max(200).optional().catch(undefined),
  force_login: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "true" || v === "1"),
  screen_name: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v && /^@?[A-Za-z0-9_]{1,15}$/.test(v) ? v.replace(/^@/, "") : undefined)),
});
export type ConsentQuery = z.infer<typeof consentQuerySchema>;

/** The consent form: Authorize app / Cancel, with the password when the App asked for force_login. */
export const consentDecisionSchema = z.object({
  oauth_token: z.string().regex(REQUEST_TOKEN_PATTERN, "This authorization request is invalid"),
  decision: z.enum(["allow", "deny"]),
  force_login: z.enum(["true", "false"]).default("false"),
  password: z.string().max(128).optional(),
});
export type ConsentDecisionInput = z.infer<typeof consentDecisionSchema>;

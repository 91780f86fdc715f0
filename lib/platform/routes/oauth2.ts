import { Hono, type Context } from "hono";
import { getDb } from "@/db/client";
import { authenticateCaller, authenticateClient, claimedClientId } from "@/lib/domain/oauth2/clients";
import { introspectToken } from "@/lib/domain/oauth2/introspect";
import { exchangeAuthorizationCode, refreshAccessToken, revokeToken } from "@/lib/domain/oauth2/tokens";
import { fromParamIssues } from "@/lib/oauth2/errors";
import { noStoreJson, oauth2ErrorResponse, tooManyRequests } from "@/lib/oauth2/http";
import { oauth2Params } from "../oauth2-params";
import { readParams } from "../params";
import { header, paramsRequest } from "../request";
import { consumeTokenQuota } from "@/lib/oauth2/rate-limit";
import { introspectRequestSchema, revokeRequestSchema, tokenRequestSchema } from "@/lib/validation/oauth2";
import { appOnlyRoutes } from "./app-only";

/** Platform routes for OAuth 2.0 (user context, RFC 6749 errors) and app-only bearer tokens. */
export const oauth2Routes = new Hono();

type Handler = (c: Context, params: Record<string, string>) => Response | Promise<Response>;

/** Reads the form, rate-limits per (claimed client, address), runs the handler, maps refusals to RFC 6749 bodies. */
const endpoint = (handler: Handler) => async (c: Context) => {
  try {
    const params = oauth2Params(await readParams(paramsRequest(c), ["form", "json", "query"]));
    const client = claimedClientId({ authorization: header(c, "authorization"), clientId: params.client_id });
    const wait = consumeTokenQuota(`${client ?? "-"}|${header(c, "x-devportal-client-ip") ?? "unknown"}`);
    return wait ? tooManyRequests(wait) : await handler(c, params);
  } catch (err) {
    return oauth2ErrorResponse(err);
  }
};

const clientOf = (c: Context, params: Record<string, string>) => ({
  authorization: header(c, "authorization"),
  clientId: params.client_id,
  clientSecret: params.client_secret,
});

oauth2Routes.post(
  "/2/oauth2/token",
  endpoint((c, params) => {
    const db = getDb();
    const app = authenticateClient(db, clientOf(c, params));
    const parsed = tokenRequestSchema.safeParse(params);
    if (!parsed.success) throw fromParamIssues(parsed.error.issues, params);
    const req = parsed.data;
    const tokens =
      req.grant_type === "authorization_code"
        ? exchangeAuthorizationCode(db, app, { code: req.code, redirectUri: req.redirect_uri, codeVerifier: req.code_verifier })
        : refreshAccessToken(db, app, req.refresh_token);
    return noStoreJson(tokens);
  }),
);

oauth2Routes.post(
  "/2/oauth2/revoke",
  endpoint((c, params) => {
    const db = getDb();
    const app = authenticateClient(db, clientOf(c, params));
    const parsed = revokeRequestSchema.safeParse(params);
    if (!parsed.success) throw fromParamIssues(parsed.error.issues, params);
    revokeToken(db, app, parsed.data.token);
    return noStoreJson({ revoked: true });
  }),
);

oauth2Routes.post(
  "/2/oauth2/introspect",
  endpoint((c, params) => {
    const db = getDb();
    const caller = authenticateCaller(db, header(c, "authorization"));
    const parsed = introspectRequestSchema.safeParse(params);
    if (!parsed.success) throw fromParamIssues(parsed.error.issues, params);
    return noStoreJson(introspectToken(db, caller, parsed.data.token));
  }),
);

oauth2Routes.route("/", appOnlyRoutes);

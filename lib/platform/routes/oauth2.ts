import { Hono } from "hono";
import { authenticateCaller, authenticateClient } from "@/lib/domain/oauth2/clients";
import { introspectToken } from "@/lib/domain/oauth2/introspect";
import { exchangeAuthorizationCode, refreshAccessToken, revokeToken } from "@/lib/domain/oauth2/tokens";
import { introspectRequestSchema, revokeRequestSchema, tokenRequestSchema } from "@/lib/validation/oauth2";
import { basicAuthOf, clientInputOf, clientQuotaKey } from "../client-auth";
import { endpoint, type EdgeRequest } from "../endpoint";
import { oauth2Family } from "../errors/oauth2";
import { noStoreJson } from "../responses";
import { appOnlyRoutes } from "./app-only";

/** Platform routes for OAuth 2.0 (user context, RFC 6749 errors) and app-only bearer tokens. */
export const oauth2Routes = new Hono();

/**
 * What every OAuth 2.0 endpoint reads: parameters from a form body (RFC 6749), a JSON body
 * (twitter-api-v2) or the query string (twitter-api-sdk); a budget per (claimed client, address).
 */
const OAUTH2 = { params: ["form", "json", "query"], quota: clientQuotaKey, errors: oauth2Family } as const;

/** Token and revoke requests authenticate the App's OAuth 2.0 client (Basic, or client_id for public clients). */
const client = (req: EdgeRequest) => authenticateClient(req.db, clientInputOf(req), req.now);

oauth2Routes.post(
  "/2/oauth2/token",
  endpoint({ ...OAUTH2, auth: client, schema: tokenRequestSchema }, (req, app, input) =>
    noStoreJson(
      input.grant_type === "authorization_code"
        ? exchangeAuthorizationCode(req.db, app, { code: input.code, redirectUri: input.redirect_uri, codeVerifier: input.code_verifier }, req.now)
        : refreshAccessToken(req.db, app, input.refresh_token, req.now),
    ),
  ),
);

oauth2Routes.post(
  "/2/oauth2/revoke",
  endpoint({ ...OAUTH2, auth: client, schema: revokeRequestSchema }, (req, app, input) => {
    revokeToken(req.db, app, input.token, req.now);
    return noStoreJson({ revoked: true });
  }),
);

// A resource server calls introspection with its own App's credentials (Basic client or consumer pair).
oauth2Routes.post(
  "/2/oauth2/introspect",
  endpoint({ ...OAUTH2, auth: (req) => authenticateCaller(req.db, basicAuthOf(req), req.now), schema: introspectRequestSchema }, (req, caller, input) =>
    noStoreJson(introspectToken(req.db, caller, input.token, req.now)),
  ),
);

oauth2Routes.route("/", appOnlyRoutes);

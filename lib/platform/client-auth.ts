import type { ClientInput } from "@/lib/domain/oauth2/clients";
import { isOAuthHeader, parseAuthorizationHeader } from "@/lib/oauth1/authorization-header";
import { parseBasicAuth, type BasicAuth } from "@/lib/oauth2/basic-auth";
import type { EdgeRequest } from "./endpoint";

const basics = new WeakMap<EdgeRequest, BasicAuth>();

/** The request's `Authorization: Basic …`, parsed once per request however many steps read it. */
export function basicAuthOf(req: EdgeRequest): BasicAuth {
  let basic = basics.get(req);
  if (!basic) basics.set(req, (basic = parseBasicAuth(req.headers.get("authorization"))));
  return basic;
}

/** What a token, refresh or revoke request says about its client: Basic, and the parameters' client_id / client_secret. */
export const clientInputOf = (req: EdgeRequest): ClientInput => ({
  basic: basicAuthOf(req),
  clientId: req.params.client_id,
  clientSecret: req.params.client_secret,
});

/**
 * Token-endpoint budgets are kept per (claimed client, address): a busy App's servers each get a
 * budget and nobody can spend another App's budget by naming its client id.
 */
export function clientQuotaKey(req: EdgeRequest): string {
  const basic = basicAuthOf(req);
  return `${basic.kind === "basic" ? basic.id : (req.params.client_id ?? "-")}|${req.clientIp}`;
}

/** OAuth 1.0a token endpoints: per (API Key named in the OAuth header, address); a malformed header is counted as "". */
export function consumerQuotaKey(req: EdgeRequest): string {
  const authorization = req.headers.get("authorization");
  let key = "";
  try {
    if (isOAuthHeader(authorization)) key = parseAuthorizationHeader(authorization!).find(([k]) => k === "oauth_consumer_key")?.[1] ?? "";
  } catch {
    key = "";
  }
  return `oauth1:${key}:${req.clientIp}`;
}

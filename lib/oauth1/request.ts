import { isFormContentType } from "@/lib/http/forms";
import { baseStringUri, signatureBaseString } from "./base-string";
import { parseAuthorizationHeader, isOAuthHeader } from "./authorization-header";
import { parseForm, type Param } from "./encoding";
import { oauth1Error } from "./errors";

/** What the protocol needs to know about an HTTP request, framework-free. */
export interface OAuth1RequestFacts {
  method: string;
  /** Absolute URL as received: scheme of the connection, host from the Host header, path and query. */
  url: string;
  headers: { get(name: string): string | null };
  /** Raw body text; only read when Content-Type is application/x-www-form-urlencoded. */
  body?: string | null;
  /** TRUST_PROXY: take scheme and host from X-Forwarded-Proto / X-Forwarded-Host. */
  trustProxy?: boolean;
}

export const TIMESTAMP_WINDOW_S = 300;
const REQUIRED = ["oauth_consumer_key", "oauth_nonce", "oauth_signature", "oauth_signature_method", "oauth_timestamp"] as const;

/** A request whose oauth_* parameters are present, single and well-formed (not yet verified). */
export interface SignedRequest {
  consumerKey: string;
  /** oauth_token, or null when absent or empty. */
  token: string | null;
  nonce: string;
  timestamp: number;
  signature: string;
  /** Every oauth_* parameter except oauth_signature, decoded. */
  oauth: Record<string, string>;
  /** Non-oauth parameters of query and form body, decoded, in order. */
  extra: Param[];
  /** RFC 5849 §3.4.1 base string: every parameter as sent, repeats included. */
  baseString: string;
  /**
   * When an oauth_* parameter was sent in two places with the same value: the base string with it
   * counted once, as clients that merge parameters into one map sign it. Null otherwise.
   */
  mergedBaseString: string | null;
}

const firstHop = (value: string | null) => value?.split(",")[0]?.trim() || null;

/** The base string URI the client addressed (§3.4.1.2), forwarded scheme/host only behind a trusted proxy. */
export function requestBaseUri(facts: OAuth1RequestFacts): string {
  const url = new URL(facts.url);
  const scheme = (facts.trustProxy && firstHop(facts.headers.get("x-forwarded-proto"))) || url.protocol.replace(/:$/, "");
  const host = (facts.trustProxy && firstHop(facts.headers.get("x-forwarded-host"))) || url.host;
  const uri = baseStringUri(scheme, host, url.pathname);
  if (!uri) throw oauth1Error(215);
  return uri;
}

/**
 * Collects the parameters of RFC 5849 §3.4.1.3 (Authorization header without realm, query, form
 * body), refuses missing, conflicting or malformed oauth_* parameters (215) and builds the base
 * string. Throws OAuth1Error.
 *
 * An oauth_* parameter sent twice with the same value is accepted (a different value is a
 * conflict, 215): twitter-api-v2's `login(verifier)` puts `oauth_token` in the Authorization
 * header and again in the form body, and signs a base string that holds it once (its signer
 * merges header and body parameters into one object). X accepts that client, so both base
 * strings are offered to the signature check: the RFC's (repeats kept) and the merged one.
 */
export function parseSignedRequest(facts: OAuth1RequestFacts): SignedRequest {
  const authorization = facts.headers.get("authorization");
  const headerParams = isOAuthHeader(authorization) ? parseAuthorizationHeader(authorization!).filter(([k]) => k !== "realm") : [];
  const query = parseForm(new URL(facts.url).search.slice(1));
  const body = isFormContentType(facts.headers.get("content-type")) && facts.body ? parseForm(facts.body) : [];
  const all = [...headerParams, ...query, ...body];

  const oauth: Record<string, string> = {};
  let repeated = false;
  for (const [name, value] of all) {
    if (!name.startsWith("oauth_")) continue;
    if (Object.hasOwn(oauth, name)) {
      if (oauth[name] !== value) throw oauth1Error(215);
      repeated = true;
    }
    oauth[name] = value;
  }
  for (const name of REQUIRED) if (!oauth[name]) throw oauth1Error(215);
  if (!/^[0-9]{1,12}$/.test(oauth.oauth_timestamp!)) throw oauth1Error(215);
  if (!/^[\x21-\x7e]{1,255}$/.test(oauth.oauth_nonce!)) throw oauth1Error(215); // X: ASCII nonces only

  const signature = oauth.oauth_signature!;
  delete oauth.oauth_signature;
  const signed = all.filter(([k]) => k !== "oauth_signature");
  const uri = requestBaseUri(facts);
  return {
    consumerKey: oauth.oauth_consumer_key!,
    token: oauth.oauth_token || null,
    nonce: oauth.oauth_nonce!,
    timestamp: Number(oauth.oauth_timestamp),
    signature,
    oauth,
    extra: [...query, ...body].filter(([k]) => !k.startsWith("oauth_")),
    baseString: signatureBaseString(facts.method, uri, signed),
    mergedBaseString: repeated ? signatureBaseString(facts.method, uri, onceEach(signed)) : null,
  };
}

/** The parameters with each repeated oauth_* parameter kept once (its first place). */
function onceEach(params: Param[]): Param[] {
  const seen = new Set<string>();
  return params.filter(([name]) => {
    if (!name.startsWith("oauth_")) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

/**
 * HMAC-SHA1 only, version 1.0 when given (else 32; "1.0A" too, which the `oauth` package behind
 * passport-twitter sends); timestamp within ±300 s of now (else 135).
 */
export function checkProtocolParams(req: SignedRequest, now: number = Date.now()): void {
  if (req.oauth.oauth_signature_method !== "HMAC-SHA1") throw oauth1Error(32);
  const version = req.oauth.oauth_version;
  if (version !== undefined && version !== "1.0" && version.toUpperCase() !== "1.0A") throw oauth1Error(32);
  if (Math.abs(req.timestamp - Math.floor(now / 1000)) > TIMESTAMP_WINDOW_S) throw oauth1Error(135);
}

/** First value of a non-oauth parameter (e.g. x_auth_access_type), or undefined. */
export const extraParam = (req: SignedRequest, name: string) => req.extra.find(([k]) => k === name)?.[1];

import { createHmac } from "node:crypto";
import OAuth from "oauth-1.0a";
import type { OAuth1RequestFacts } from "@/lib/oauth1";

/** Test helper: requests signed by the independent `oauth-1.0a` library, as facts for lib/oauth1. */
export interface Credentials {
  key: string;
  secret: string;
}

export const BASE_URL = "http://127.0.0.1:3000";

export function signedFacts(opts: {
  consumer: Credentials;
  token?: Credentials;
  method?: string;
  path: string;
  /** Parameters sent in the form body (oauth_* ones too, e.g. oauth_callback, oauth_verifier). */
  data?: Record<string, string>;
  /** Overrides of the generated oauth_* values (nonce, timestamp) before signing. */
  timestamp?: number;
  nonce?: string;
  extraHeaders?: Record<string, string>;
  /** Where the oauth_* parameters travel: the Authorization header (default) or the form body. */
  oauthIn?: "header" | "body";
}): OAuth1RequestFacts {
  const client = new OAuth({
    consumer: opts.consumer,
    signature_method: "HMAC-SHA1",
    hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
  });
  if (opts.timestamp !== undefined) client.getTimeStamp = () => opts.timestamp!;
  if (opts.nonce !== undefined) client.getNonce = () => opts.nonce!;
  const method = opts.method ?? "POST";
  const url = `${BASE_URL}${opts.path}`;
  const data = opts.data ?? {};
  const oauthData = client.authorize({ url, method, data: { ...data } }, opts.token);
  const inBody = opts.oauthIn === "body";
  const headers = new Headers({ host: "127.0.0.1:3000", ...(inBody ? {} : client.toHeader(oauthData)), ...opts.extraHeaders });
  const bodyParams = inBody ? { ...data, ...oauthData } : Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith("oauth_")));
  let body: string | null = null;
  if (Object.keys(bodyParams).length > 0) {
    headers.set("content-type", "application/x-www-form-urlencoded");
    body = new URLSearchParams(bodyParams as Record<string, string>).toString();
  }
  return { method, url, headers, body };
}

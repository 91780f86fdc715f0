import { createHmac } from "node:crypto";
import { OAuth as NodeOAuth } from "oauth";
import OAuth1a from "oauth-1.0a";

export { startPlatform } from "../test-server";

export interface Credentials {
  key: string;
  secret: string;
}

export interface HttpFailure {
  statusCode: number;
  data?: string;
}

/** The `oauth` package (OAuth.OAuth, the client behind passport-twitter), promisified. */
export function nodeOAuthClient(base: string, consumer: Credentials, callback: string) {
  const client = new NodeOAuth(`${base}/oauth/request_token`, `${base}/oauth/access_token`, consumer.key, consumer.secret, "1.0A", callback, "HMAC-SHA1");
  return {
    requestToken: (extra: Record<string, string> = {}) =>
      new Promise<{ token: string; secret: string; results: Record<string, string> }>((resolve, reject) =>
        client.getOAuthRequestToken(extra, (err, token, secret, results) => (err ? reject(err) : resolve({ token, secret, results }))),
      ),
    accessToken: (token: string, secret: string, verifier: string) =>
      new Promise<{ token: string; secret: string; results: Record<string, string> }>((resolve, reject) =>
        client.getOAuthAccessToken(token, secret, verifier, (err, t, s, results) => (err ? reject(err) : resolve({ token: t, secret: s, results }))),
      ),
    get: (url: string, token: Credentials) =>
      new Promise<string>((resolve, reject) => client.get(url, token.key, token.secret, (err, data) => (err ? reject(err) : resolve(String(data))))),
    post: (url: string, token: Credentials, body: Record<string, string> = {}) =>
      new Promise<string>((resolve, reject) =>
        client.post(url, token.key, token.secret, body, "application/x-www-form-urlencoded", (err, data) => (err ? reject(err) : resolve(String(data)))),
      ),
  };
}

/** `oauth-1.0a` (signing only) + fetch: oauth_* in the Authorization header, other data in a form body. */
export function oauth1aClient(consumer: Credentials) {
  const oauth = new OAuth1a({
    consumer,
    signature_method: "HMAC-SHA1",
    hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64"),
  });
  return {
    oauth,
    /** Signs and returns the fetch arguments, so a test can send the very same request twice. */
    sign(method: string, url: string, data: Record<string, string> = {}, token?: Credentials, headers: Record<string, string> = {}): [string, RequestInit] {
      const authorized = oauth.authorize({ url, method, data: { ...data } }, token);
      const body = Object.fromEntries(Object.entries(data).filter(([k]) => !k.startsWith("oauth_")));
      const hasBody = method !== "GET" && Object.keys(body).length > 0;
      return [
        url,
        {
          method,
          headers: { ...oauth.toHeader(authorized), ...(hasBody ? { "content-type": "application/x-www-form-urlencoded" } : {}), ...headers },
          body: hasBody ? new URLSearchParams(body).toString() : undefined,
        },
      ];
    },
  };
}

export const formOf = (text: string) => Object.fromEntries(new URLSearchParams(text));

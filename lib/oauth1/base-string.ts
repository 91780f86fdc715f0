import { percentEncode, type Param } from "./encoding";

const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };

/**
 * The base string URI of RFC 5849 §3.4.1.2: scheme and host lower-case, default port dropped,
 * path as addressed, no query or fragment. Returns null when the pieces do not form a URL.
 */
export function baseStringUri(scheme: string, host: string, path: string): string | null {
  let url: URL;
  try {
    url = new URL(`${scheme.toLowerCase()}://${host}${path.startsWith("/") ? path : `/${path}`}`);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const port = url.port && url.port !== DEFAULT_PORTS[url.protocol] ? `:${url.port}` : "";
  return `${url.protocol}//${url.hostname.toLowerCase()}${port}${url.pathname}`;
}

/** §3.4.1.3.2: encode names and values, sort by name then value (byte order), join with `=` and `&`. */
export function normalizeParameters(params: readonly Param[]): string {
  return params
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

/**
 * §3.4.1.1: `METHOD&enc(base URI)&enc(normalized parameters)`. `params` are every parameter of
 * the request (Authorization header without realm and oauth_signature, query, form body).
 */
export function signatureBaseString(method: string, baseUri: string, params: readonly Param[]): string {
  return `${method.toUpperCase()}&${percentEncode(baseUri)}&${percentEncode(normalizeParameters(params))}`;
}

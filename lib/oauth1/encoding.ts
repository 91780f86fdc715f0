import { oauth1Error } from "./errors";

/** RFC 3986 percent-encoding as RFC 5849 §3.6 requires (unreserved characters stay as they are). */
export function percentEncode(value: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    throw oauth1Error(215); // a lone surrogate cannot be UTF-8 encoded
  }
  return encoded.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Percent-decodes one component; malformed escapes or UTF-8 are bad authentication data (215). */
export function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw oauth1Error(215);
  }
}

export type Param = readonly [name: string, value: string];

/**
 * Parses `application/x-www-form-urlencoded` text (a query string or a form body) into decoded
 * name/value pairs, in order, duplicates kept (RFC 5849 §3.4.1.3.1). `+` means a space.
 */
export function parseForm(text: string): Param[] {
  const out: Param[] = [];
  if (!text) return out;
  for (const part of text.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? "" : part.slice(eq + 1);
    out.push([percentDecode(name.replace(/\+/g, " ")), percentDecode(value.replace(/\+/g, " "))]);
  }
  return out;
}

/** Form-encodes pairs for a response body (`oauth_token=…&oauth_token_secret=…`). */
export const formEncode = (pairs: readonly Param[]) => pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&");

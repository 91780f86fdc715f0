/** What an Authorization header carried: nothing, something unusable, or Basic credentials. */
export type BasicAuth = { kind: "none" } | { kind: "malformed" } | { kind: "basic"; id: string; secret: string };

const MAX_HEADER = 2048;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** RFC 6749 §2.3.1: each half is form-urlencoded before base64 (`+` is a space). */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** Parses `Authorization: Basic base64(urlencode(id):urlencode(secret))`. */
export function parseBasicAuth(header: string | null | undefined): BasicAuth {
  if (header === null || header === undefined || header.trim() === "") return { kind: "none" };
  if (header.length > MAX_HEADER) return { kind: "malformed" };
  const match = /^Basic +(\S+)\s*$/i.exec(header);
  if (!match || !BASE64.test(match[1]!)) return { kind: "malformed" };
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return { kind: "malformed" };
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (!id || secret === null) return { kind: "malformed" };
  return { kind: "basic", id, secret };
}

/** The header a client would send (tests, and the docs' examples). */
export const basicAuthHeader = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

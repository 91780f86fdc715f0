import { oauth1Error } from "./errors";
import { percentDecode, type Param } from "./encoding";

const PARAM = /^([A-Za-z0-9_.~%-]+)[ \t]*=[ \t]*"([^"\\]*)"/;
const SEPARATOR = /^[ \t\r\n]*,[ \t\r\n]*/;

/** True when an Authorization header uses the OAuth scheme (case-insensitive, RFC 5849 §3.5.1). */
export const isOAuthHeader = (header: string | null | undefined) => /^oauth(?:[ \t]|$)/i.test(header ?? "");

/**
 * Parses `Authorization: OAuth name="value", …` into decoded pairs (realm included: the caller
 * drops it). Anything that does not follow the grammar is bad authentication data (215).
 */
export function parseAuthorizationHeader(header: string): Param[] {
  if (!isOAuthHeader(header)) throw oauth1Error(215);
  let rest = header.slice(5).replace(/^[ \t]+/, "").replace(/[ \t\r\n]+$/, "");
  const out: Param[] = [];
  while (rest.length > 0) {
    const m = PARAM.exec(rest);
    if (!m) throw oauth1Error(215);
    out.push([percentDecode(m[1]!), percentDecode(m[2]!)]);
    rest = rest.slice(m[0].length);
    if (rest.length === 0) break;
    const sep = SEPARATOR.exec(rest);
    if (!sep) throw oauth1Error(215);
    rest = rest.slice(sep[0].length);
    if (rest.length === 0) throw oauth1Error(215); // trailing comma
  }
  return out;
}

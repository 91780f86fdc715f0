import { isFormContentType, isJsonContentType } from "@/lib/http/forms";

/** Where an endpoint takes its parameters from. */
export type ParamSource = "form" | "json" | "query";

/** Token-endpoint requests are small; anything past this is refused before parsing. */
export const MAX_PARAMS_BYTES = 16 * 1024;

export type ParamsRead =
  | { ok: true; params: Record<string, string> }
  | { ok: false; reason: "content_type" | "too_large" | "malformed" }
  | { ok: false; reason: "repeated"; param: string };

/** What readParams needs of a request: content type, whether a body comes, URL, and the body text (null past `max`). */
export interface ParamsRequest {
  contentType: string | null | undefined;
  hasBody: boolean;
  url: string;
  text(max: number): Promise<string | null>;
}

/**
 * The parameters of a request, from the sources an endpoint declares:
 * - `form`: an `application/x-www-form-urlencoded` body (RFC 6749's only encoding);
 * - `json`: a JSON object body — twitter-api-v2 1.29 posts the token, refresh and revoke
 *   parameters to /2/oauth2/* as JSON (its body-type detection tests `url.password` where it meant
 *   `url.pathname`), and X answers it;
 * - `query`: the query string — X's twitter-api-sdk 1.2 sends the token parameters there, with a
 *   form Content-Type and an empty body; X documents `access_token` there for invalidate_token.
 *
 * An empty body counts as no body whatever its Content-Type. A body of an undeclared type is
 * refused (`content_type`), an unparseable JSON body or one that is not a flat object of scalars
 * is `malformed`. A parameter given more than once — twice in one source or in two sources — is
 * `repeated` (RFC 6749 §3.2: parameters must not be included more than once).
 */
export async function readParams(req: ParamsRequest, sources: readonly ParamSource[], max = MAX_PARAMS_BYTES): Promise<ParamsRead> {
  const params: Record<string, string> = {};
  let repeated: string | null = null;
  const add = (key: string, value: string) => {
    if (!Object.hasOwn(params, key)) params[key] = value;
    else repeated ??= key;
  };

  if (req.hasBody) {
    const text = await req.text(max);
    if (text === null) return { ok: false, reason: "too_large" };
    if (text.trim() !== "") {
      if (sources.includes("form") && isFormContentType(req.contentType)) new URLSearchParams(text).forEach((value, key) => add(key, value));
      else if (sources.includes("json") && isJsonContentType(req.contentType)) {
        const object = jsonObject(text);
        if (!object) return { ok: false, reason: "malformed" };
        for (const [key, value] of object) add(key, value);
      } else return { ok: false, reason: "content_type" };
    }
  }
  if (sources.includes("query") && req.url.includes("?")) new URL(req.url).searchParams.forEach((value, key) => add(key, value));
  return repeated === null ? { ok: true, params } : { ok: false, reason: "repeated", param: repeated };
}

/** A JSON object's entries as strings (numbers and booleans written out, null members dropped), or null when it is not one. */
function jsonObject(text: string): [string, string][] | null {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const entries: [string, string][] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === null) continue;
    if (typeof member === "string") entries.push([key, member]);
    else if (typeof member === "number" || typeof member === "boolean") entries.push([key, String(member)]);
    else return null;
  }
  return entries;
}

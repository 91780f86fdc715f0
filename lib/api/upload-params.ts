import { isFormContentType, isJsonContentType } from "@/lib/http/forms";
import { multipartBoundary, parseMultipart } from "@/lib/http/multipart";

/** The parameters of an upload request, wherever the client put them, and the media bytes. */
export interface UploadParams {
  fields: Record<string, string>;
  /** The `media` part (binary), or `media` / `media_data` given as base64. */
  media: Buffer | null;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

function fromBase64(value: string): Buffer | null {
  return BASE64.test(value) ? Buffer.from(value, "base64") : null;
}

/**
 * Reads an upload's parameters from the query string and the body: multipart/form-data (text
 * parts as fields, `media` as bytes: twitter-api-v2, tweepy), a form (`media_data` base64) or JSON
 * (`media` base64, X's v2 simple upload). Null when the body cannot be read as its type says.
 */
export function readUploadParams(query: URLSearchParams, rawBody: string | null, bytes: Buffer | null, contentType: string | null): UploadParams | null {
  const fields: Record<string, string> = Object.fromEntries(query);
  let media: Buffer | null = null;
  const boundary = multipartBoundary(contentType);
  if (boundary && bytes?.length) {
    const parts = parseMultipart(bytes, boundary);
    if (!parts) return null;
    for (const part of parts) {
      if (part.name === "media" && (part.filename !== null || part.contentType)) media = part.data;
      else fields[part.name] = part.data.toString("utf8");
    }
  } else if (rawBody?.trim()) {
    if (isFormContentType(contentType)) new URLSearchParams(rawBody).forEach((v, k) => (fields[k] = v));
    else if (isJsonContentType(contentType)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(rawBody);
      } catch {
        return null;
      }
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
      for (const [k, v] of Object.entries(parsed)) if (typeof v === "string" || typeof v === "number") fields[k] = String(v);
    } else return null;
  }
  for (const name of ["media", "media_data"]) {
    if (!media && fields[name] !== undefined) {
      media = fromBase64(fields[name]!);
      if (!media) return null;
    }
    delete fields[name];
  }
  return { fields, media };
}

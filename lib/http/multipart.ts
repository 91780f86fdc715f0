/** One part of a multipart/form-data body: its field name, filename if any, type and bytes. */
export interface MultipartPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Buffer;
}

/** The boundary of a `multipart/form-data` Content-Type, or null when it is not one. */
export function multipartBoundary(contentType: string | null | undefined): string | null {
  const [type, ...params] = (contentType ?? "").split(";");
  if (type!.trim().toLowerCase() !== "multipart/form-data") return null;
  for (const p of params) {
    const m = /^\s*boundary=(?:"([^"]{1,70})"|([^\s";]{1,70}))\s*$/i.exec(p);
    if (m) return m[1] ?? m[2]!;
  }
  return null;
}

const CRLF = Buffer.from("\r\n");

/**
 * The parts of a buffered multipart/form-data body (RFC 7578), every value as bytes: a part
 * without a filename may still be binary (twitter-api-v2 sends media chunks that way), which
 * fetch's FormData would decode as text. Null when the body is not well-formed.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = body.indexOf(delimiter);
  if (at === -1) return null;
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === "--") return parts;
    if (!body.subarray(at, at + 2).equals(CRLF)) return null;
    const headersEnd = body.indexOf("\r\n\r\n", at + 2);
    if (headersEnd === -1) return null;
    const next = body.indexOf(Buffer.concat([CRLF, delimiter]), headersEnd + 4);
    if (next === -1) return null;
    const part = partOf(body.subarray(at + 2, headersEnd).toString("utf8"), body.subarray(headersEnd + 4, next));
    if (!part) return null;
    parts.push(part);
    at = next + 2;
  }
}

function partOf(headerText: string, data: Buffer): MultipartPart | null {
  let name: string | null = null;
  let filename: string | null = null;
  let contentType: string | null = null;
  for (const line of headerText.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === "content-type") contentType = value;
    if (key !== "content-disposition") continue;
    name = /(?:^|;)\s*name="([^"]*)"/i.exec(value)?.[1] ?? /(?:^|;)\s*name=([^;\s]+)/i.exec(value)?.[1] ?? null;
    filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(value)?.[1] ?? null;
  }
  return name === null ? null : { name, filename, contentType, data };
}

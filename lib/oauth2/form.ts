import { isFormContentType } from "@/lib/http/forms";

/** Token-endpoint requests are small; anything past this is refused before parsing. */
export const MAX_FORM_BYTES = 16 * 1024;

export type FormRead =
  | { ok: true; params: Record<string, string>; duplicates: string[] }
  | { ok: false; reason: "content_type" | "too_large" };


/** The body as text, or null when it is larger than `max` bytes (declared or streamed). */
export async function readCapped(req: Request, max: number): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** What readForm needs of a request: content type, whether a body comes, URL, and the body text (null past `max`). */
export interface FormSource {
  contentType: string | null | undefined;
  hasBody: boolean;
  url: string;
  text(max: number): Promise<string | null>;
}

/** A web Request as a FormSource. */
export const formSourceOf = (req: Request): FormSource => ({
  contentType: req.headers.get("content-type"),
  hasBody: req.body !== null && req.headers.get("content-length") !== "0",
  url: req.url,
  text: (max) => readCapped(req, max),
});

/**
 * Reads an `application/x-www-form-urlencoded` body (size-capped) into single values, listing
 * parameters sent more than once. With `query`, the URL's parameters count too (X's
 * invalidate_token example passes `access_token` in the query string).
 */
export async function readForm(source: FormSource, opts: { query?: boolean; max?: number } = {}): Promise<FormRead> {
  if (source.hasBody && !isFormContentType(source.contentType)) return { ok: false, reason: "content_type" };
  if (!source.hasBody && !opts.query) return { ok: false, reason: "content_type" };
  const text = source.hasBody ? await source.text(opts.max ?? MAX_FORM_BYTES) : "";
  if (text === null) return { ok: false, reason: "too_large" };
  const params: Record<string, string> = {};
  const duplicates: string[] = [];
  const add = (key: string, value: string) => {
    if (!Object.hasOwn(params, key)) params[key] = value;
    else if (!duplicates.includes(key)) duplicates.push(key);
  };
  new URLSearchParams(text).forEach((value, key) => add(key, value));
  if (opts.query && source.url.includes("?")) new URL(source.url).searchParams.forEach((value, key) => add(key, value));
  return { ok: true, params, duplicates };
}

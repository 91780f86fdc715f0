/** Token-endpoint requests are small; anything past this is refused before parsing. */
export const MAX_FORM_BYTES = 16 * 1024;

export type FormRead =
  | { ok: true; params: Record<string, string>; duplicates: string[] }
  | { ok: false; reason: "content_type" | "too_large" };

const isForm = (contentType: string | null) =>
  (contentType ?? "").split(";")[0]!.trim().toLowerCase() === "application/x-www-form-urlencoded";

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

/**
 * Reads an `application/x-www-form-urlencoded` body (size-capped) into single values, listing
 * parameters sent more than once. With `query`, the URL's parameters count too (X's
 * invalidate_token example passes `access_token` in the query string).
 */
export async function readForm(req: Request, opts: { query?: boolean; max?: number } = {}): Promise<FormRead> {
  const hasBody = req.body !== null && req.headers.get("content-length") !== "0";
  if (hasBody && !isForm(req.headers.get("content-type"))) return { ok: false, reason: "content_type" };
  if (!hasBody && !opts.query) return { ok: false, reason: "content_type" };
  const text = hasBody ? await readCapped(req, opts.max ?? MAX_FORM_BYTES) : "";
  if (text === null) return { ok: false, reason: "too_large" };
  const entries = [...new URLSearchParams(text)];
  if (opts.query) entries.push(...new URL(req.url).searchParams);
  const params: Record<string, string> = {};
  const duplicates: string[] = [];
  for (const [key, value] of entries) {
    if (Object.hasOwn(params, key)) {
      if (!duplicates.includes(key)) duplicates.push(key);
    } else params[key] = value;
  }
  return { ok: true, params, duplicates };
}

/**
 * Checks proxy.ts runs on a POST before Next decodes it as a server action. Next's own answers to
 * these were 500s: a foreign or `null` Origin ("Invalid Server Actions request"), a multipart body
 * it cannot parse, and arguments nested deeply enough to overflow the decoder's stack (before the
 * action's session check ran). Each becomes a 4xx here. Web APIs only (proxy runtime).
 */

/** Deeper than any form of the portal sends (the deepest, callback URL rows, is 4). */
export const MAX_ACTION_NESTING = 32;

export interface GuardRequest {
  method: string;
  headers: { get(name: string): string | null };
  /** The body, read once (proxy.ts hands Next an untouched copy). */
  text(): Promise<string>;
  formData(): Promise<FormData>;
}

export type Refusal = { status: 400 | 403; message: string };

/**
 * A POST whose Origin names another site, or `null` (sandboxed frames, redirected cross-site
 * forms). A request without Origin is not a browser's and passes, as Next lets it.
 */
export function isForeignOrigin(headers: GuardRequest["headers"]): boolean {
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin === "null" || !host) return true;
  try {
    return new URL(origin).host.toLowerCase() !== host.split(",")[0]!.trim().toLowerCase();
  } catch {
    return true;
  }
}

/** True when the JSON-like text opens more than `max` arrays or objects inside each other (strings skipped). */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth = Math.max(0, depth - 1);
  }
  return false;
}

/** What Next would decode as a server action: a POST with Next-Action, or a multipart POST (a no-JS form). */
const isActionRequest = (req: GuardRequest, type: string) =>
  req.method === "POST" && (req.headers.get("next-action") !== null || type.startsWith("multipart/form-data"));

/** The refusal for a hostile POST, or null to let it through. */
export async function refuseHostilePost(req: GuardRequest): Promise<Refusal | null> {
  if (req.method !== "POST") return null;
  if (isForeignOrigin(req.headers)) return { status: 403, message: "Cross-site requests are not accepted." };
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!isActionRequest(req, type)) return null;
  const tooDeep = { status: 400, message: "The request is nested too deeply." } as const;
  if (!type.startsWith("multipart/form-data")) return nestedDeeperThan(await req.text(), MAX_ACTION_NESTING) ? tooDeep : null;
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return { status: 400, message: "The form data could not be read." };
  }
  for (const [, value] of form) if (typeof value === "string" && nestedDeeperThan(value, MAX_ACTION_NESTING)) return tooDeep;
  return null;
}

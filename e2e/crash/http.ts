import fs from "node:fs";
import path from "node:path";
import { distDir } from "./server";

/** Cookies as a browser keeps them for one origin: name → value. */
class CookieJar {
  private readonly jar = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair!.indexOf("=");
      this.jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
    }
  }
  header(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** A signed-in browser session (next-auth credentials sign-in over HTTP), as its cookie header. */
export async function signIn(base: string, identifier: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true" }),
  });
  jar.take(res);
  if (!jar.header().includes("session-token")) throw new Error(`sign-in of ${identifier} failed: ${res.status}`);
  return jar.header();
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

/**
 * The id of a server action in the build the server runs, by source file and export name
 * (server-reference-manifest.json: what the browser's bundle posts as `Next-Action`).
 */
export function actionId(filename: string, exportedName: string): string {
  const file = path.join(distDir(), "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === filename && e.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} of ${filename} in ${file}`);
  return found[0];
}

export interface ActionResult<T = Record<string, unknown>> {
  status: number;
  /** The action's return value (an ActionState), or null when the response carried none. */
  state: { ok: boolean; message?: string; data?: T; fieldErrors?: Record<string, string[]> } | null;
  body: string;
}

/** Unescapes React Flight's `$$…` strings in a decoded value (none of our values use other tags). */
const unescapeFlight = (value: unknown): unknown =>
  typeof value === "string"
    ? value === "$undefined" ? undefined : value.startsWith("$$") ? value.slice(1) : value
    : Array.isArray(value)
      ? value.map(unescapeFlight)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescapeFlight(v)]))
        : value;

/**
 * Calls a server action the way the browser's bundle does: POST to the page with the
 * `Next-Action` header and the arguments encoded as React's encodeReply encodes plain JSON
 * (`[prevState, input]`); the return value is read from the Flight response.
 */
export async function callAction<T = Record<string, unknown>>(
  base: string,
  cookie: string,
  page: string,
  id: string,
  args: unknown[],
): Promise<ActionResult<T>> {
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": id,
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
      origin: base,
      cookie,
    },
    body: JSON.stringify(args),
  });
  const body = await res.text();
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  let state: ActionResult<T>["state"] = null;
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = root?.a?.startsWith("$@") ? root.a.slice(2) : null;
    if (ref && rows.has(ref)) state = unescapeFlight(JSON.parse(rows.get(ref)!)) as ActionResult<T>["state"];
  } catch {
    state = null;
  }
  return { status: res.status, state, body };
}

/** Form POST to a platform endpoint; answers status and parsed JSON (or text). */
export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form),
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

/** `Authorization: Basic` as X's clients build it: urlencode(key):urlencode(secret), base64. */
export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

import { z } from "zod";

export const MAX_CALLBACK_URLS = 10;

/** Disallowed protocols of X's callback URL rules (compared case-insensitively). */
export const DISALLOWED_PROTOCOLS = [
  "vbscript", "javascript", "vbs", "data", "mocha", "keyword", "livescript", "ftp", "file", "gopher",
  "acrobat", "callto", "daap", "itpc", "itms", "firefoxurl", "hcp", "ldap", "mailto", "mmst", "mmsu",
  "msbd", "rtsp", "mso-offdap", "snews", "news", "nntp", "outlook", "stssync", "rlogin", "telnet",
  "tn3270", "shell", "sip",
] as const;

export const CALLBACK_MESSAGES = {
  empty: "Enter a callback URL",
  tooLong: "Callback URLs can have at most 2000 characters",
  whitespace: "Callback URLs cannot contain spaces",
  invalid: "Enter a full URL, such as https://example.com/callback",
  protocol: (p: string) => `The "${p}" protocol is not allowed for callback URLs`,
  localhost: "localhost is not allowed: use http://127.0.0.1 or a custom host",
  customScheme: "Custom scheme URLs need a domain and a path, such as myapp://callback/path",
  query: "Callback URLs cannot include a query string (pass request data in the state parameter)",
  fragment: "Callback URLs cannot include a fragment (#…)",
  userinfo: "Callback URLs cannot include a username or password",
  duplicate: "This callback URL is already in the list",
  tooMany: `You can add at most ${MAX_CALLBACK_URLS} callback URLs`,
} as const;

/** The first rule a callback URL breaks, or null when it may be registered. */
export function callbackUrlProblem(raw: string): string | null {
  if (raw.length === 0) return CALLBACK_MESSAGES.empty;
  if (raw.length > 2000) return CALLBACK_MESSAGES.tooLong;
  if (/\s/.test(raw)) return CALLBACK_MESSAGES.whitespace;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw)?.[1]?.toLowerCase();
  if (!scheme) return CALLBACK_MESSAGES.invalid;
  if ((DISALLOWED_PROTOCOLS as readonly string[]).includes(scheme)) return CALLBACK_MESSAGES.protocol(scheme);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return CALLBACK_MESSAGES.invalid;
  }
  if (url.username || url.password || /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*@/.test(raw)) return CALLBACK_MESSAGES.userinfo;
  if (raw.includes("#")) return CALLBACK_MESSAGES.fragment;
  if (raw.includes("?")) return CALLBACK_MESSAGES.query;
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (scheme === "http" || scheme === "https") {
    if (!host) return CALLBACK_MESSAGES.invalid;
    if (host === "localhost" || host.endsWith(".localhost")) return CALLBACK_MESSAGES.localhost;
    return null;
  }
  if (!raw.toLowerCase().startsWith(`${scheme}://`) || !host || url.pathname.length <= 1) return CALLBACK_MESSAGES.customScheme;
  if (host === "localhost" || host.endsWith(".localhost")) return CALLBACK_MESSAGES.localhost;
  return null;
}

export const callbackUrlSchema = z.string().superRefine((value, ctx) => {
  const problem = callbackUrlProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** The list of an App's callback URLs: each valid, no duplicates, at most 10. */
export const callbackUrlsSchema = z
  .array(z.string().trim())
  .superRefine((list, ctx) => {
    if (list.length > MAX_CALLBACK_URLS) ctx.addIssue({ code: "custom", message: CALLBACK_MESSAGES.tooMany });
    const seen = new Set<string>();
    list.forEach((value, i) => {
      const problem = callbackUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: [i] });
      else if (seen.has(value)) ctx.addIssue({ code: "custom", message: CALLBACK_MESSAGES.duplicate, path: [i] });
      seen.add(value);
    });
  });

/**
 * Callback rows as forms edit them (react-hook-form's useFieldArray needs objects); the rules are
 * callbackUrlsSchema's, with each problem pointed at its row's `url`.
 */
export const callbackRowsSchema = z.array(z.object({ url: z.string().trim() })).superRefine((rows, ctx) => {
  const result = callbackUrlsSchema.safeParse(rows.map((r) => r.url));
  if (result.success) return;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: issue.path.length ? [...issue.path, "url"] : [] });
  }
});
export type CallbackRow = z.infer<typeof callbackRowsSchema>[number];

export const toCallbackRows = (urls: readonly string[]): CallbackRow[] => urls.map((url) => ({ url }));
export const fromCallbackRows = (rows: readonly CallbackRow[]): string[] => rows.map((r) => r.url);

/** OAuth 2.0: `redirect_uri` must equal a registered entry exactly (trailing slash included). */
export function matchesRedirectUri(registered: readonly string[], redirectUri: string): boolean {
  return registered.includes(redirectUri);
}

/** OAuth 1.0a: `oauth_callback` matches when, without its query string, it equals an entry; `oob` always does. */
export function matchesOAuth1Callback(registered: readonly string[], callback: string): boolean {
  if (callback === "oob") return true;
  if (callback.includes("#")) return false;
  const q = callback.indexOf("?");
  return registered.includes(q === -1 ? callback : callback.slice(0, q));
}

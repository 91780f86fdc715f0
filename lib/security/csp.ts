/**
 * The portal's Content-Security-Policy (pages served by Next; proxy.ts sets it per request).
 * Scripts need this request's nonce ('strict-dynamic' lets Next's nonced loader add its chunks);
 * styles allow inline (Next and Tailwind emit style attributes); nothing may frame a page.
 * Consent pages omit form-action: their forms POST and are then redirected to the client App's
 * callback on another origin, which form-action would block in Chromium.
 */
export function contentSecurityPolicy(nonce: string, opts: { consentPage: boolean; dev: boolean }): string {
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(opts.dev ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (!opts.consentPage) directives.push(["form-action", "'self'"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** OAuth consent pages (OAuth 1.0a /oauth/*, OAuth 2.0 /i/oauth2/*). */
export const isConsentPath = (pathname: string) => pathname.startsWith("/oauth/") || pathname.startsWith("/i/oauth2/");

/** Routes that answer with their own Content-Security-Policy (the App icon: `default-src 'none'`). */
export const setsOwnCsp = (pathname: string) => /^\/apps\/[^/]+\/icon$/.test(pathname);

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** HSTS only when the request came over TLS, which only a trusted proxy can tell us (TRUST_PROXY). */
export function servedOverTls(headers: { get(name: string): string | null }, trustProxy: boolean): boolean {
  return trustProxy && (headers.get("x-forwarded-proto") ?? "").split(",")[0]!.trim().toLowerCase() === "https";
}

export const HSTS = "max-age=63072000; includeSubDomains";

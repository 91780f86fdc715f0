import { NextResponse, type NextRequest } from "next/server";
import { refuseHostilePost } from "@/lib/security/action-guard";
import { contentSecurityPolicy, isConsentPath, newNonce, setsOwnCsp } from "@/lib/security/csp";

/**
 * Per request: hostile POSTs refused before Next decodes a server action (foreign or null Origin,
 * unreadable multipart, arguments nested too deep: lib/security/action-guard.ts); the path for
 * server components ("sign in and come back"); and the CSP of every page — nonce-based (set on
 * the request too: Next reads the nonce from it and puts it on its own scripts), frame-ancestors
 * 'none' (consent pages must never be framed: clickjacking of "Authorize app"). Routes that set
 * their own policy (the App icon's `default-src 'none'`) keep it. HSTS is set by the edge
 * (lib/security/portal-headers.ts) on every portal answer.
 */
export async function proxy(request: NextRequest) {
  const refusal = await refuseHostilePost(request);
  if (refusal) {
    return new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  const { pathname, search } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set("x-devportal-path", pathname + search);
  if (setsOwnCsp(pathname)) return NextResponse.next({ request: { headers } });
  const csp = contentSecurityPolicy(newNonce(), { consentPage: isConsentPath(pathname), dev: process.env.NODE_ENV !== "production" });
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Every path Next serves but its static assets (next-auth's pages and Next's 404s are HTML too).
export const config = {
  matcher: ["/((?!_next/static/|_next/image).*)"],
};

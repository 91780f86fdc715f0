import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/config/env";
import { contentSecurityPolicy, HSTS, isConsentPath, newNonce, servedOverTls } from "@/lib/security/csp";

/**
 * Per request: the path for server components ("sign in and come back"), and the security
 * headers of every page — a nonce-based CSP (set on the request too: Next reads the nonce from it
 * and puts it on its own scripts), frame-ancestors 'none' (consent pages must never be framed:
 * clickjacking of "Authorize app"), and HSTS when the request came over TLS.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const csp = contentSecurityPolicy(newNonce(), { consentPage: isConsentPath(pathname), dev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(request.headers);
  headers.set("x-devportal-path", pathname + search);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverTls(request.headers, env.trustProxy)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico).*)"],
};

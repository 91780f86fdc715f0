import { NextResponse, type NextRequest } from "next/server";

/** Passes the request path to server components (for "sign in and come back"). */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-devportal-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  // OAuth 1.0a consent pages must never be framed (clickjacking of "Authorize app").
  if (request.nextUrl.pathname.startsWith("/oauth/")) response.headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  return response;
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico).*)"],
};

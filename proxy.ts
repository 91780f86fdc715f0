import { NextResponse, type NextRequest } from "next/server";

/** Passes the request path to server components (for "sign in and come back"). */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-devportal-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|api/|favicon.ico).*)"],
};

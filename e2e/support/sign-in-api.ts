import type { APIRequestContext } from "@playwright/test";

/**
 * Signs in over next-auth's own HTTP endpoints, as a script would (CSRF token, then the
 * credentials callback). Answers "ok", or the error message the sign-in page would show.
 */
export async function apiSignIn(request: APIRequestContext, identifier: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { csrfToken, identifier, password, callbackUrl: "/dashboard", json: "true" },
    maxRedirects: 0,
  });
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url, "http://x").searchParams.get("error");
  return error ?? "ok";
}

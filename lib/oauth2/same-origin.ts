/**
 * CSRF guard for the consent POST: the browser's Origin must name this host. A missing Origin is
 * refused (every browser sends it on a form POST), and so is `Sec-Fetch-Site: cross-site`.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host || origin === "null") return false;
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

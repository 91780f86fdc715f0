/** Path prefixes served by the platform (Hono) app; everything else goes to Next. */
const EXACT = new Set(["/oauth/request_token", "/oauth/access_token", "/api/health"]);
// /media/: uploaded images (X serves them from pbs.twimg.com).
const PREFIXES = ["/oauth2/", "/2/", "/1.1/", "/media/"];

export function isPlatformPath(url: string): boolean {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (EXACT.has(path)) return true;
  for (const p of PREFIXES) if (path.startsWith(p)) return true;
  return path === "/2" || path === "/1.1" || path === "/oauth2";
}

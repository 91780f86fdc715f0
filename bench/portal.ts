/** Signs in through next-auth's credentials endpoint, as the sign-in form does, and keeps the cookies. */
export async function signIn(baseUrl: string, identifier: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, identifier, password, json: "true", callbackUrl: `${baseUrl}/dashboard` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${identifier} failed: HTTP ${res.status}`);
  return header();
}

/** GETs a page with the session and checks it renders (200, not a redirect to sign-in). */
export async function checkPage(baseUrl: string, path: string, cookie?: string): Promise<void> {
  const res = await fetch(`${baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.headers.get("location") ?? ""}`);
  await res.arrayBuffer();
}

import type { APIRequestContext, Page } from "@playwright/test";
import { OAuth } from "oauth";
import sharp from "sharp";
import { e2eDb } from "./support/db";
import { rawExchange, statusLine } from "./support/raw-http";
import { expect, newAccount, test } from "./fixtures";
import { seedApp, seedDeveloper, SEED_PASSWORD } from "@/db/test-seed";
import { setAppIcon } from "@/lib/domain/app-icons";
import { makeOperator } from "@/lib/domain/operator";

/**
 * Issue 15's findings about the edge, reproduced against the real server (real HTTP on its port):
 * unbounded bodies (3), CR/LF in oauth_callback (8), 500s from bad input (10), missing headers (11).
 */
const PORT = Number(process.env.E2E_PORT);
const BASE = `http://127.0.0.1:${PORT}`;

const head = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`;

async function signIn(page: Page, username: string) {
  await page.goto("/signin");
  await page.getByLabel("Username or e-mail").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(SEED_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** A real server-action request of the sign-up page, as the browser sent it (id, headers, body). */
async function captureSignUpAction(page: Page) {
  await page.goto("/signup");
  const account = newAccount("cap");
  const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("Username", { exact: true }).fill(account.username);
  await page.getByLabel("Name", { exact: true }).fill(account.name);
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  const req = await captured;
  const headers: Record<string, string> = {};
  for (const k of ["next-action", "content-type", "accept", "next-router-state-tree"]) if (req.headers()[k]) headers[k] = req.headers()[k]!;
  return { url: req.url(), headers };
}

const post = (request: APIRequestContext, url: string, headers: Record<string, string>, data: string | Buffer) =>
  request.post(url, { headers, data: Buffer.from(data), maxRedirects: 0 });

test.describe("issue 15: the edge", () => {
  test("a 200 MB sign-in body is refused with 413 before a byte of it is sent; each route has its own cap", async () => {
    const credentials = await rawExchange(PORT, head("POST", "/api/auth/callback/credentials", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": 200 * 1024 * 1024 }));
    expect(statusLine(credentials)).toMatch(/^HTTP\/1\.1 413 /);
    const action = await rawExchange(PORT, head("POST", "/settings/account", { "Content-Type": "text/plain;charset=UTF-8", "Next-Action": "7f00", "Content-Length": 3 * 1024 * 1024 }));
    expect(statusLine(action)).toMatch(/^HTTP\/1\.1 413 /);
    const platform = await rawExchange(PORT, head("POST", "/2/oauth2/token", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": 1024 * 1024 }));
    expect(statusLine(platform)).toMatch(/^HTTP\/1\.1 413 /);
    const chunked = await rawExchange(PORT, head("POST", "/api/auth/callback/credentials", { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" }), "5\r\nhello\r\n");
    expect(statusLine(chunked)).toMatch(/^HTTP\/1\.1 411 /);
    // A sign-in of ordinary size still reaches next-auth.
    expect((await fetch(`${BASE}/api/auth/csrf`)).status).toBe(200);
  });

  test("every HTML answer carries the portal's CSP; the App icon keeps its own default-src 'none'", async ({ request }) => {
    for (const path of ["/api/auth/signout", "/_next/no-such-thing", "/api/no-such-route"]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.headers()["content-type"], path).toMatch(/^text\/html/);
      const csp = res.headers()["content-security-policy"] ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'|default-src 'none'/);
      expect(res.headers()["x-frame-options"], path).toBe("DENY");
    }
    const db = await e2eDb();
    const owner = newAccount("icon");
    const seeded = await seedApp(db, owner.username);
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: "#1d9bf0" } }).png().toBuffer();
    await setAppIcon(db, seeded.actor, seeded.app.id, png);
    const icon = await request.get(`/apps/${seeded.app.id}/icon`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toBe("image/png");
    expect(icon.headers()["content-security-policy"]).toBe("default-src 'none'");
  });

  test("request_token refuses an oauth_callback with CR/LF in its query with X's 403 code 415", async () => {
    const db = await e2eDb();
    const owner = newAccount("crlf");
    const callback = `${BASE}/oauth-test/callback`;
    const { secrets } = await seedApp(db, owner.username, { settings: { oauth1Enabled: true, permission: "read-write", callbackUrls: [callback] } });
    const requestToken = (cb: string) =>
      new Promise<{ status: number; body: string }>((resolve) => {
        const c = new OAuth(`${BASE}/oauth/request_token`, `${BASE}/oauth/access_token`, secrets.apiKey, secrets.apiKeySecret, "1.0A", cb, "HMAC-SHA1");
        c.getOAuthRequestToken((err, token) => resolve(err ? { status: (err as { statusCode: number }).statusCode, body: String((err as { data?: unknown }).data) } : { status: 200, body: token }));
      });
    expect((await requestToken(`${callback}?from=ok`)).status).toBe(200);
    for (const bad of ["\r\nSet-Cookie: session=attacker", "\n", "\t"]) {
      const res = await requestToken(`${callback}?from=x${bad}`);
      expect(res.status, JSON.stringify(bad)).toBe(403);
      expect(res.body).toContain("415");
    }
  });

  test("bad input gets a 4xx, never a 500: operator paging, deep action arguments, unreadable multipart, foreign or null Origin", async ({ page, request, browser }) => {
    const db = await e2eDb();
    const op = newAccount("pg");
    await seedDeveloper(db, op.username);
    makeOperator(db, op.username);
    await signIn(page, op.username);
    for (const bad of ["-1", "1e308", "0", "abc", "1&page=2"]) {
      const res = await page.goto(`/admin?tab=apps&page=${bad}`);
      expect([bad, res!.status()]).toEqual([bad, 404]);
    }
    expect((await page.goto("/admin?tab=apps&page=2"))!.status()).toBe(200);

    const signedOut = await browser.newContext();
    const action = await captureSignUpAction(await signedOut.newPage());
    await signedOut.close();
    const same = { ...action.headers, origin: BASE };
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect((await post(request, action.url, same, deep)).status()).toBe(400);
    const deepForm = `--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n${deep}\r\n--b--\r\n`;
    expect((await post(request, action.url, { ...same, "content-type": "multipart/form-data; boundary=b" }, deepForm)).status()).toBe(400);
    // A no-JS form POST (multipart, no Next-Action header) that cannot be parsed.
    for (const body of ["garbage", "--b\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b--\r\n"]) {
      expect((await post(request, "/signup", { origin: BASE, "content-type": "multipart/form-data; boundary=b" }, body)).status()).toBe(400);
    }
    for (const origin of ["https://evil.example", "null"]) {
      expect((await post(request, action.url, { ...action.headers, origin }, '["$undefined",{}]')).status(), origin).toBe(403);
    }
    expect((await request.get("/api/health")).status()).toBe(200);
  });
});

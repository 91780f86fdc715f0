import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const BASE = `http://127.0.0.1:${process.env.E2E_PORT}`;

/** Records every CSP violation the page reports (they would break the portal silently). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

const directives = (csp: string) => Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

/** The headers every page must carry; returns the CSP directives. */
function expectSecurityHeaders(res: { headers(): Record<string, string> } | null | undefined, where: string, consent = false) {
  expect(res, where).toBeTruthy();
  const h = res!.headers();
  expect(h["x-content-type-options"], where).toBe("nosniff");
  expect(h["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"], where).toBe("DENY");
  expect(h["strict-transport-security"], `${where}: HSTS over plain HTTP`).toBeUndefined();
  const csp = directives(h["content-security-policy"] ?? "");
  expect(csp["script-src"], where).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'"]));
  expect(csp["script-src"]!.some((s) => /^'nonce-[A-Za-z0-9+/=]{20,}'$/.test(s)), where).toBe(true);
  expect(csp["script-src"], where).not.toContain("'unsafe-inline'");
  expect(csp["object-src"], where).toEqual(["'none'"]);
  expect(csp["base-uri"], where).toEqual(["'self'"]);
  expect(csp["frame-ancestors"], where).toEqual(["'none'"]);
  if (consent) expect(csp["form-action"], `${where}: consent forms redirect to the App's callback`).toBeUndefined();
  else expect(csp["form-action"], where).toEqual(["'self'"]);
  return csp;
}

test.describe("security headers, CSP, CSRF and redirects", () => {
  test("every page sends CSP (nonce), nosniff, referrer policy and no framing; the portal runs without a CSP violation", async ({ page, accounts }) => {
    const violations = await watchCsp(page);
    const nonces = new Set<string>();
    const visit = async (url: string, consent = false) => {
      const res = await page.goto(url);
      const csp = expectSecurityHeaders(res, url, consent);
      const nonce = csp["script-src"]!.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
      expect(nonces.has(nonce), "a nonce is never reused").toBe(false);
      nonces.add(nonce);
      // Every script Next rendered carries this response's nonce.
      const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
      expect(scripts.length, url).toBeGreaterThan(0);
      expect(scripts.every((n) => n === nonce), `${url}: scripts without the nonce`).toBe(true);
    };

    for (const url of ["/signin", "/signup", "/no-such-page"]) await visit(url);
    await visit("/oauth/authorize?oauth_token=not-a-token", true);
    await visit("/oauth/authenticate?oauth_token=not-a-token", true);
    await visit("/i/oauth2/authorize?response_type=code&client_id=nope", true);

    const me = await accounts.developer("sec"); // sign-up and onboarding run under the CSP
    for (const url of ["/dashboard", "/projects", "/apps/new", "/teams", "/settings/account", "/settings/connected-apps", `/u/${me.username}`]) await visit(url);
    expect(violations).toEqual([]);
  });

  test("a consent page cannot be framed", async ({ page }) => {
    await page.goto("/signin");
    await page.setContent(`<iframe src="${BASE}/oauth/authorize?oauth_token=x" width="600" height="400"></iframe>`);
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    // Chromium replaces a frame refused by frame-ancestors with its own error page.
    await expect.poll(() => frame.url(), { timeout: 10_000 }).toMatch(/^chrome-error:/);
  });

  test("HSTS is not sent over plain HTTP even when a client claims X-Forwarded-Proto: https (no TRUST_PROXY)", async ({ request }) => {
    const res = await request.get("/signin", { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("behind a trusted TLS proxy (TRUST_PROXY=1) pages send HSTS, and only for https", async ({ request }) => {
    test.setTimeout(120_000);
    const port = Number(process.env.E2E_PORT) + 1;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-e2e-tls-"));
    const server: ChildProcess = spawn("npx", ["tsx", "server.ts"], {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, TRUST_PROXY: "1" },
      stdio: "ignore",
      detached: true,
    });
    try {
      const url = `http://127.0.0.1:${port}/signin`;
      await expect
        .poll(async () => (await request.get(`http://127.0.0.1:${port}/api/health`).catch(() => null))?.status(), { timeout: 90_000, intervals: [500] })
        .toBe(200);
      const tls = await request.get(url, { headers: { "x-forwarded-proto": "https", "x-forwarded-host": `127.0.0.1:${port}` } });
      expect(tls.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
      const plain = await request.get(url, { headers: { "x-forwarded-proto": "http" } });
      expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    } finally {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    }
  });

  test("a server action POSTed with a foreign Origin is refused (and the same request from this origin works)", async ({ page, accounts }) => {
    await accounts.developer("csrf");
    await page.goto("/teams");
    const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    const name = `Csrf ${Date.now().toString(36).slice(-6)}`;
    await page.getByLabel("Team name").fill(name);
    await page.getByRole("button", { name: "Create team" }).click();
    const req = await captured;
    await expect(page.getByText(`Team ${name} created`, { exact: false })).toBeVisible();

    const replay = async (origin: string, teamName: string) => {
      const headers: Record<string, string> = {};
      for (const k of ["next-action", "content-type", "accept", "next-router-state-tree"]) if (req.headers()[k]) headers[k] = req.headers()[k]!;
      headers.origin = origin;
      const body = req.postDataBuffer()!.toString("utf8").replaceAll(name, teamName);
      return page.request.post(req.url(), { headers, data: Buffer.from(body), maxRedirects: 0 });
    };
    const foreignName = `Evil ${Date.now().toString(36).slice(-6)}`;
    const foreign = await replay("https://evil.example", foreignName);
    expect(foreign.status()).not.toBe(200);
    const sameName = `Same ${Date.now().toString(36).slice(-6)}`;
    expect((await replay(BASE, sameName)).status()).toBe(200);

    await page.goto("/teams");
    await expect(page.getByRole("link", { name: new RegExp(`^${sameName}`) })).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(`^${foreignName}`) })).toHaveCount(0);
  });

  test("next-auth: signed out has no session; a credentials POST without the CSRF token signs nobody in", async ({ request }) => {
    expect(await (await request.get("/api/auth/session")).json()).toEqual({});
    const res = await request.post("/api/auth/callback/credentials", {
      form: { identifier: "nobody", password: "whatever" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(res.status()).toBeLessThan(500);
    expect(await (await request.get("/api/auth/session")).json()).toEqual({});
  });

  test("sign-in callbackUrl never leaves the portal", async ({ page, accounts }) => {
    await accounts.developer("redir");
    for (const target of ["//evil.com", "/\\evil.com", "/\t/evil.com", "/\n/evil.com", "https://evil.com", "javascript:alert(1)", "/%09/evil.com"]) {
      const res = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect([303, 307, 308], target).toContain(res.status());
      const location = new URL(res.headers().location!, BASE);
      expect(location.origin, `${JSON.stringify(target)} → ${res.headers().location}`).toBe(BASE);
    }
  });
});

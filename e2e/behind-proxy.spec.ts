import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { apiSignIn } from "./support/sign-in-api";
import { expect, newAccount, test } from "./fixtures";

/**
 * A second server as deployed behind one TLS-terminating proxy (TRUST_PROXY=1), with the default
 * sign-up limits, started on a data folder an older install left readable by others. Issue 15:
 * client-written X-Forwarded-For entries (4), sign-up floods (6), file modes fixed at start (9),
 * HSTS on every portal answer (11).
 */
const PORT = Number(process.env.E2E_PORT) + 2;
const BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess;
let dataDir = "";
let log = "";
let api: APIRequestContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "devportal-e2e-proxy-")), "data");
  fs.mkdirSync(dataDir);
  fs.chmodSync(dataDir, 0o755);
  fs.writeFileSync(path.join(dataDir, "devportal.sqlite"), ""); // an empty file is an empty SQLite database
  fs.chmodSync(path.join(dataDir, "devportal.sqlite"), 0o644);
  server = spawn("npx", ["tsx", "server.ts"], {
    env: { ...process.env, PORT: String(PORT), HOST: "127.0.0.1", DATA_DIR: dataDir, TRUST_PROXY: "1", SIGNUPS_PER_ADDRESS_PER_HOUR: "", SIGNUPS_PER_HOUR: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  server.stdout!.on("data", (c: Buffer) => (log += c.toString()));
  server.stderr!.on("data", (c: Buffer) => (log += c.toString()));
  api = await playwrightRequest.newContext({ baseURL: BASE });
  await expect
    .poll(async () => (await api.get("/api/health").catch(() => null))?.status(), { timeout: 150_000, intervals: [500] })
    .toBe(200);
});

test.afterAll(async () => {
  await api?.dispose();
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

/** Through the proxy: the client wrote `written`; the proxy appended the address it saw. */
const via = (seen: string, written = "") => ({ "x-forwarded-for": written ? `${written}, ${seen}` : seen, "x-forwarded-proto": "https", "x-forwarded-host": `127.0.0.1:${PORT}` });

test.describe("issue 15: behind a proxy", () => {
  test("an older install's data folder and database are made private at start, and the log says so", async () => {
    const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
    expect(mode(dataDir)).toBe("700");
    for (const f of ["devportal.sqlite", "devportal.sqlite-wal", "devportal.sqlite-shm", "secrets.json"]) expect([f, mode(path.join(dataDir, f))]).toEqual([f, "600"]);
    expect(log).toContain("0755 → 0700");
    expect(log).toContain("0644 → 0600");
  });

  test("HSTS on every portal answer that came over TLS: next-auth's pages and API, Next's own 404s", async () => {
    for (const p of ["/api/auth/signout", "/api/auth/session", "/api/auth/csrf", "/_next/no-such-thing", "/signin"]) {
      const res = await api.get(p, { headers: via("203.0.113.40"), maxRedirects: 0 });
      expect([p, res.headers()["strict-transport-security"]]).toEqual([p, "max-age=63072000; includeSubDomains"]);
    }
  });

  test("failed sign-ins are counted per address the proxy saw, however the client rotates what it writes to X-Forwarded-For", async () => {
    test.setTimeout(180_000);
    for (let i = 0; i < 50; i++) {
      // A different made-up account each time: only the per-address limit can stop this.
      const answer = await apiSignIn(api, `nobody_${i}_${Date.now().toString(36)}`, "guess", via("203.0.113.50", `10.${i}.0.1`));
      expect(answer).toBe("Wrong username, e-mail or password.");
    }
    expect(await apiSignIn(api, "someone_else", "guess", via("203.0.113.50", "10.200.0.1"))).toMatch(/^Too many sign-in attempts\./);
    expect(await apiSignIn(api, "someone_else", "guess", via("203.0.113.51", "10.200.0.1"))).toBe("Wrong username, e-mail or password.");
  });

  test("sign-ups are limited per address the proxy saw (10 an hour by default); other addresses go on", async ({ page }) => {
    test.setTimeout(180_000);
    // The sign-up action as the browser sends it.
    await page.goto(`${BASE}/signup`);
    const first = newAccount("lim");
    const captured = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByLabel("Username", { exact: true }).fill(first.username);
    await page.getByLabel("Name", { exact: true }).fill(first.name);
    await page.getByLabel("E-mail").fill(first.email);
    await page.getByLabel("Password", { exact: true }).fill(first.password);
    await page.getByRole("button", { name: "Create account" }).click();
    const req = await captured;
    const headers: Record<string, string> = { origin: BASE };
    for (const k of ["next-action", "content-type", "accept", "next-router-state-tree"]) if (req.headers()[k]) headers[k] = req.headers()[k]!;
    const body = req.postData()!;
    const signUp = async (seen: string, written: string) => {
      const next = newAccount("lim");
      const data = body.replaceAll(first.username, next.username);
      const res = await api.post(req.url(), { headers: { ...headers, ...via(seen, written) }, data: Buffer.from(data) });
      expect(res.status()).toBe(200);
      return res.text();
    };
    for (let i = 0; i < 10; i++) expect(await signUp("203.0.113.60", `10.${i}.9.9`)).toContain('"ok":true');
    expect(await signUp("203.0.113.60", "10.99.9.9")).toMatch(/Too many new accounts from your network\. Try again in \d+ minutes?\./);
    expect(await signUp("203.0.113.61", "10.99.9.9")).toContain('"ok":true');
  });
});

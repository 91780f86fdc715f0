import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { test as base, expect, type Page, type Request, type Route } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { eq } from "drizzle-orm";
import { apps } from "@/db/schema";
import { seedApp, SEED_PASSWORD } from "@/db/test-seed";
import { issueClientSecret } from "@/lib/domain/app-credentials";
import { createUser } from "@/lib/domain/users";
import { newAccount } from "../fixtures";
import { X_HOSTS } from "./connect-proxy";
import { startClientStack, type ClientStack } from "./stack";

export { expect };
export type { ClientStack };

/** `clients`: the stack of stack.ts, started once per worker (Devportal, nginx, CONNECT proxy). */
export const test = base.extend<object, { clients: ClientStack }>({
  clients: [
    async ({}, use) => {
      const stack = await startClientStack();
      // Key material and database of that server (read lazily by lib/, so this is in time).
      process.env.DATA_DIR = stack.dataDir;
      await use(stack);
      await stack.stop();
    },
    { scope: "worker", timeout: 240_000 },
  ],
});

// ---- seeding --------------------------------------------------------------------------------

export const DEFAULT_CALLBACK = "https://client.example.com/callback";

export interface SeededClients {
  /** The scenario environment of README.md (credentials, users, CALLBACK_URL). */
  env: Record<string, string>;
  /** The platform user who signs in and consents. */
  user: { username: string; password: string; id: string };
  recipient: { username: string; id: string };
  appName: string;
}

let db: ReturnType<typeof openDatabase> | undefined;
const clientsDb = (stack: ClientStack) => (db ??= openDatabase(path.join(stack.dataDir, "devportal.sqlite")));

/**
 * What a developer sets up in the portal, through lib/domain: an App with OAuth 1.0a "Read, write
 * and Direct Messages" and OAuth 2.0 Web App (confidential), a second App as Native App (public),
 * the callback URLs registered on both, and two platform users (one consents, one gets a DM).
 */
export async function seedClients(stack: ClientStack, opts: { callbackUrl?: string } = {}): Promise<SeededClients> {
  const database = clientsDb(stack);
  const callbackUrl = opts.callbackUrl ?? DEFAULT_CALLBACK;
  const callbackUrls = [...new Set([callbackUrl, DEFAULT_CALLBACK])];
  const details = {
    description: "Posts release notes and answers support DMs.",
    websiteUrl: "https://client.example.com",
    organizationName: "Example Client Co",
    organizationUrl: "https://client.example.com",
    termsUrl: "https://client.example.com/terms",
    privacyUrl: "https://client.example.com/privacy",
    callbackUrls,
  };
  const web = await seedApp(database, newAccount("cweb").username, {
    settings: { ...details, oauth1Enabled: true, permission: "read-write-directmessages", oauth2Enabled: true, appType: "web" },
  });
  const native = await seedApp(database, newAccount("cnat").username, { settings: { ...details, oauth2Enabled: true, appType: "native" } });
  const clientSecret = issueClientSecret(database, web.app.id);
  const appName = database.select({ name: apps.name }).from(apps).where(eq(apps.id, web.app.id)).get()!.name;

  const account = newAccount("cusr");
  const user = await createUser(database, { username: account.username, name: account.name, email: account.email, password: SEED_PASSWORD });
  const other = newAccount("crcp");
  const recipient = await createUser(database, { username: other.username, name: other.name, email: other.email, password: SEED_PASSWORD });
  return {
    env: {
      CONSUMER_KEY: web.secrets.apiKey,
      CONSUMER_SECRET: web.secrets.apiKeySecret,
      CLIENT_ID: web.app.clientId,
      CLIENT_SECRET: clientSecret,
      PUBLIC_CLIENT_ID: native.app.clientId,
      CALLBACK_URL: callbackUrl,
      USERNAME: user.username,
      USER_ID: user.id,
      DM_RECIPIENT_ID: recipient.id,
      DM_RECIPIENT_USERNAME: recipient.username,
      DEVPORTAL_URL: stack.devportalUrl,
    },
    user: { username: user.username, password: SEED_PASSWORD, id: user.id },
    recipient: { username: recipient.username, id: recipient.id },
    appName,
  };
}

// ---- network environments -------------------------------------------------------------------

/**
 * Node scripts: the shipped preload. `direct` (default) points it at Devportal itself (plain HTTP,
 * X-Forwarded-* from the preload); `front` at the nginx TLS front, trusting the test CA.
 */
export function nodeEnv(stack: ClientStack, via: "direct" | "front" = "direct"): Record<string, string> {
  const env: Record<string, string> = { NODE_OPTIONS: `--import ${stack.preload}`, DEVPORTAL_URL: stack.devportalUrl };
  if (via === "front") Object.assign(env, { DEVPORTAL_URL: stack.frontUrl, NODE_EXTRA_CA_CERTS: stack.caFile });
  return env;
}

/** Python scripts: HTTPS through the CONNECT proxy to the nginx front, trusting the test CA. */
export function pythonEnv(stack: ClientStack): Record<string, string> {
  const noProxy = "127.0.0.1,localhost";
  return {
    HTTPS_PROXY: stack.proxy.url,
    https_proxy: stack.proxy.url,
    NO_PROXY: noProxy,
    no_proxy: noProxy,
    REQUESTS_CA_BUNDLE: stack.caFile,
    SSL_CERT_FILE: stack.caFile,
    PYTHONUNBUFFERED: "1",
  };
}

// ---- running a scenario ---------------------------------------------------------------------

export interface StepLine {
  step: string;
  ok: boolean;
  error?: string;
  [detail: string]: unknown;
}

export interface ScenarioRun {
  steps: StepLine[];
  done: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Every `open` URL, as the library built it. */
  opened: string[];
  /** What the harness answered on stdin, in order. */
  answers: Array<Record<string, string>>;
  /** stdout lines that were not JSON (the contract allows none; kept for the report). */
  noise: string[];
  stderr: string;
}

export interface ScenarioOptions {
  command: string;
  args: string[];
  env: Record<string, string>;
  /** Who signs in on the consent pages. */
  user: { username: string; password: string };
  timeoutMs?: number;
}

/** The consent URL a client printed, on Devportal: X's hosts swapped for Devportal's, same path and query. */
export function onDevportal(url: string, devportalUrl: string): string {
  const u = new URL(url);
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  if (!(X_HOSTS as readonly string[]).includes(host)) return url;
  const d = new URL(devportalUrl);
  return `${d.origin}${u.pathname}${u.search}`;
}

/** Runs one client scenario (README.md's contract), doing its consents in `page`. */
export async function runClientScenario(page: Page, stack: ClientStack, opts: ScenarioOptions): Promise<ScenarioRun> {
  // Only what a shell would have, plus the scenario's: nothing of the test runner leaks in.
  const env: Partial<NodeJS.ProcessEnv> = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/root", LANG: "C.UTF-8", ...opts.env };
  if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
  const child = spawn(opts.command, opts.args, { cwd: path.resolve(__dirname, "..", ".."), env: env as NodeJS.ProcessEnv, stdio: ["pipe", "pipe", "pipe"] });
  const run: ScenarioRun = { steps: [], done: false, code: null, signal: null, opened: [], answers: [], noise: [], stderr: "" };
  child.stderr.on("data", (c: Buffer) => void (run.stderr += c.toString()));
  child.stdin.on("error", () => {});
  const exited = new Promise<void>((resolve) => child.on("close", (code, signal) => ((run.code = code), (run.signal = signal), resolve())));
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 120_000);

  const answer = (line: Record<string, string>) => {
    run.answers.push(line);
    child.stdin.write(`${JSON.stringify(line)}\n`);
  };
  const lines = readline.createInterface({ input: child.stdout });
  for await (const text of lines) {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(text) as Record<string, unknown>;
    } catch {
      run.noise.push(text);
      continue;
    }
    if (typeof msg.open === "string") {
      run.opened.push(msg.open);
      try {
        answer(await consent(page, stack, msg.open, opts.user));
      } catch (err) {
        answer({ error: `harness: consent failed: ${(err as Error).message}` });
      }
    } else if (typeof msg.step === "string") run.steps.push(msg as unknown as StepLine);
    else if (msg.done === true) run.done = true;
    else run.noise.push(text);
  }
  await exited;
  clearTimeout(timer);
  return run;
}

/** Every named step present and ok, `done` printed, exit 0; the failure message carries the script's own report. */
export function expectSteps(run: ScenarioRun, names: string[]): void {
  const report = JSON.stringify({ steps: run.steps, opened: run.opened, answers: run.answers, noise: run.noise, code: run.code, signal: run.signal, stderr: run.stderr.slice(-4000) }, null, 2);
  const got = Object.fromEntries(run.steps.map((s) => [s.step, s.ok ? "ok" : `failed: ${s.error ?? ""}`]));
  expect(got, report).toMatchObject(Object.fromEntries(names.map((n) => [n, "ok"])));
  expect(run.steps.filter((s) => !s.ok), report).toEqual([]);
  expect({ done: run.done, code: run.code }, report).toEqual({ done: true, code: 0 });
}

// ---- consent in the browser -----------------------------------------------------------------

/**
 * Opens the client's authorize URL on Devportal, signs in when asked, clicks "Authorize app" and
 * returns where the browser was sent (any navigation off Devportal; nothing needs to serve it) or
 * the PIN shown for `oob`.
 */
async function consent(page: Page, stack: ClientStack, url: string, user: { username: string; password: string }): Promise<Record<string, string>> {
  const origin = new URL(stack.devportalUrl).origin;
  let resolveCaptured!: (url: string) => void;
  const captured = new Promise<string>((resolve) => (resolveCaptured = resolve));
  // A redirect's next hop is not routed, but it is a request: catch both ways of leaving.
  const onRequest = (req: Request) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame() && !req.url().startsWith(origin)) resolveCaptured(req.url());
  };
  const offOrigin = (u: URL) => u.origin !== origin;
  const fulfil = (route: Route) =>
    route.request().isNavigationRequest() ? route.fulfill({ status: 200, contentType: "text/plain", body: "callback reached (client-compatibility harness)" }) : route.abort();
  page.on("request", onRequest);
  await page.route(offOrigin, fulfil);
  const outcome = captured.then((callback) => ({ callback }));
  try {
    await page.goto(onDevportal(url, stack.devportalUrl)).catch(() => null);
    const pin = page.getByTestId("oauth-pin");
    const authorize = page.getByRole("button", { name: "Authorize app" });
    const signIn = page.getByLabel("Username or e-mail");
    const failure = page.getByRole("heading", { name: /Whoa there!|Something went wrong/ });
    for (let round = 0; round < 6; round++) {
      const seen = await Promise.race([outcome, pin.or(authorize).or(signIn).or(failure).first().waitFor({ timeout: 20_000 }).then(() => null)]);
      if (seen) return seen;
      if (await pin.isVisible()) return { pin: (await pin.textContent())!.trim() };
      if (await failure.isVisible()) throw new Error(`${page.url()}: ${(await page.locator("main").innerText().catch(() => "")).slice(0, 500)}`);
      if (await signIn.isVisible()) {
        await signIn.fill(user.username);
        await page.getByLabel("Password", { exact: true }).fill(user.password);
        await page.getByRole("button", { name: "Sign in" }).click();
        await Promise.race([outcome, signIn.waitFor({ state: "detached", timeout: 20_000 })]);
      } else if (await authorize.isVisible()) {
        // After a sign-in the client router may still be settling; a click then is lost (the
        // form's navigation is aborted by the router's), so wait for quiet first.
        await page.waitForLoadState("networkidle").catch(() => {});
        await authorize.click();
        await Promise.race([outcome, pin.or(failure).first().waitFor({ timeout: 10_000 })]).catch(() => {});
      }
    }
    return await Promise.race([outcome, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no callback from ${page.url()}`)), 5_000))]);
  } finally {
    page.off("request", onRequest);
    await page.unroute(offOrigin, fulfil);
  }
}

import "./support/db";
import path from "node:path";
import * as oauth from "oauth4webapi";
import type { Page } from "@playwright/test";
import { openDatabase } from "@/db/client";
import { seedApp, seedDeveloper, SEED_PASSWORD } from "@/db/test-seed";
import { issueClientSecret } from "@/lib/domain/app-credentials";
import { expect, newAccount, test } from "./fixtures";

// Static imports: Playwright does not transpile `@/` modules loaded by dynamic import() here.
let db: ReturnType<typeof openDatabase> | undefined;
const e2eDb = () => (db ??= openDatabase(path.join(process.env.E2E_DATA_DIR!, "devportal.sqlite")));

const BASE = `http://127.0.0.1:${process.env.E2E_PORT}`;
const CALLBACK = `${BASE}/oauth2-test/callback`;
const as: oauth.AuthorizationServer = {
  issuer: BASE,
  authorization_endpoint: `${BASE}/i/oauth2/authorize`,
  token_endpoint: `${BASE}/2/oauth2/token`,
  introspection_endpoint: `${BASE}/2/oauth2/introspect`,
};
const insecure = { [oauth.allowInsecureRequests]: true };

/** A confidential (Web App) OAuth 2.0 client and a separate platform user who will authorize it. */
async function seedClient() {
  const db = e2eDb();
  const dev = newAccount("o2dev");
  const seeded = await seedApp(db, dev.username, {
    settings: {
      oauth2Enabled: true,
      appType: "web",
      callbackUrls: [CALLBACK],
      description: "Schedules posts and replies to mentions for small teams.",
      websiteUrl: "https://scheduler.example.com",
      organizationName: "Example Co",
      organizationUrl: "https://example.com",
      privacyUrl: "https://example.com/privacy",
      termsUrl: "https://example.com/terms",
    },
  });
  const clientSecret = issueClientSecret(db, seeded.app.id);
  const user = (await seedDeveloper(db, newAccount("o2user").username)).user;
  return { app: seeded.app, clientSecret, user, password: SEED_PASSWORD };
}

async function authorizeUrl(clientId: string, overrides: Record<string, string> = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  const params = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: CALLBACK,
    scope: "tweet.read users.read offline.access",
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    ...overrides,
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { url: url.toString(), verifier, state };
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel("Username or e-mail").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("OAuth 2.0 authorization code flow through the consent page", () => {
  test("sign in, consent, then oauth4webapi exchanges the code", async ({ page, shot, axe }) => {
    const fx = await seedClient();
    const flow = await authorizeUrl(fx.app.clientId);

    await page.goto(flow.url);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fi%2Foauth2%2Fauthorize%3F/);
    await signIn(page, fx.user.username, fx.password);

    await expect(page.getByRole("heading", { name: `${fx.app.name} wants to access your Devportal account` })).toBeVisible();
    await expect(page.getByText("Example Co")).toBeVisible();
    await expect(page.getByText("See posts you can view, including posts from protected accounts")).toBeVisible();
    await expect(page.getByText("Stay connected to your account until you revoke access")).toBeVisible();
    await expect(page.getByText(`Signed in as @${fx.user.username}`)).toBeVisible();
    const reloaded = await page.reload();
    expect(reloaded?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await shot("oauth2-consent");
    await axe();
    await page.context().addCookies([{ name: "theme", value: "dark", url: BASE }]);
    await page.reload();
    await shot("oauth2-consent-dark");
    await page.setViewportSize({ width: 375, height: 740 });
    await shot("oauth2-consent-dark-375");

    await page.getByRole("button", { name: "Authorize app" }).click();
    await page.waitForURL((url) => url.href.startsWith(CALLBACK));
    const landed = new URL(page.url());
    expect(landed.searchParams.get("state")).toBe(flow.state);

    const client = { client_id: fx.app.clientId };
    const callback = oauth.validateAuthResponse(as, client, landed, flow.state);
    const res = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(fx.clientSecret), callback, CALLBACK, flow.verifier, insecure);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, res);
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 7200, scope: "tweet.read users.read offline.access" });
    expect(tokens.refresh_token).toBeTruthy();

    const info = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, oauth.ClientSecretBasic(fx.clientSecret), tokens.access_token, insecure),
    );
    expect(info).toMatchObject({ active: true, username: fx.user.username, sub: fx.user.id });
  });

  test("Cancel goes back with error=access_denied and the state", async ({ page }) => {
    const fx = await seedClient();
    const flow = await authorizeUrl(fx.app.clientId, { state: "keep me / exactly = as is" });
    await page.goto(flow.url);
    await signIn(page, fx.user.username, fx.password);
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.waitForURL((url) => url.href.startsWith(CALLBACK));
    const landed = new URL(page.url());
    expect(landed.searchParams.get("error")).toBe("access_denied");
    expect(landed.searchParams.get("state")).toBe("keep me / exactly = as is");
    expect(landed.searchParams.has("code")).toBe(false);
  });

  test("a redirect_uri off the allowlist shows the error page, never a redirect", async ({ page, shot, axe }) => {
    const fx = await seedClient();
    const flow = await authorizeUrl(fx.app.clientId, { redirect_uri: `${CALLBACK}/` });
    const res = await page.goto(flow.url);
    expect(page.url()).toBe(flow.url);
    expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    await expect(page.getByText("You weren't able to give access to the App. Go back and try logging in again.")).toBeVisible();
    await shot("oauth2-error");
    await axe();
    await page.context().addCookies([{ name: "theme", value: "dark", url: BASE }]);
    await page.reload();
    await shot("oauth2-error-dark");
  });

  test("an unknown scope goes back with error=invalid_scope", async ({ page }) => {
    const fx = await seedClient();
    const flow = await authorizeUrl(fx.app.clientId, { scope: "tweet.read account.follows.read" });
    await page.goto(flow.url);
    await page.waitForURL((url) => url.href.startsWith(CALLBACK));
    expect(new URL(page.url()).searchParams.get("error")).toBe("invalid_scope");
    expect(new URL(page.url()).searchParams.get("state")).toBe(flow.state);
  });

  test("'Not you?' signs out and brings the other account back to consent", async ({ page }) => {
    const fx = await seedClient();
    const other = (await seedDeveloper(e2eDb(), newAccount("o2other").username)).user;
    const flow = await authorizeUrl(fx.app.clientId);
    await page.goto(flow.url);
    await signIn(page, fx.user.username, fx.password);
    await page.getByRole("button", { name: "Not you?" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fi%2Foauth2%2Fauthorize/);
    await signIn(page, other.username, fx.password);
    await expect(page.getByText(`Signed in as @${other.username}`)).toBeVisible();
  });

  test("the consent POST is refused from another origin or without the session's ticket", async ({ page }) => {
    const fx = await seedClient();
    const flow = await authorizeUrl(fx.app.clientId);
    await page.goto(flow.url);
    await signIn(page, fx.user.username, fx.password);
    await expect(page.getByRole("button", { name: "Authorize app" })).toBeVisible();
    const form = Object.fromEntries(new URL(flow.url).searchParams);
    const ticket = await page.locator('input[name="ticket"]').inputValue();

    const crossSite = await page.request.post(`${BASE}/i/oauth2/authorize/decision`, {
      form: { ...form, ticket, decision: "approve" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);

    const forged = await page.request.post(`${BASE}/i/oauth2/authorize/decision`, {
      form: { ...form, ticket: `${Date.now()}.forged`, decision: "approve" },
      headers: { origin: BASE },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(303);
    expect(forged.headers().location).toMatch(/^\/i\/oauth2\/authorize\?/);
  });
});

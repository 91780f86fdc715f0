import type { Page } from "@playwright/test";
import { OAuth } from "oauth";
import { eq } from "drizzle-orm";
import { e2eDb } from "./support/db";
// Static imports: Playwright does not transpile `@/` modules loaded by dynamic import().
import { apps } from "@/db/schema";
import { seedApp, seedDeveloper, SEED_PASSWORD } from "@/db/test-seed";
import { expect, newAccount, test, type Account } from "./fixtures";

const BASE = `http://127.0.0.1:${process.env.E2E_PORT}`;
const CALLBACK = `${BASE}/oauth-test/callback`;

interface Seeded {
  consumer: { key: string; secret: string };
  user: Account;
  appName: string;
}

/** An App (OAuth 1.0a on, read-write, our callback) and a separate user who will authorize it, seeded through lib/domain. */
async function seed(settings: Record<string, unknown> = {}): Promise<Seeded> {
  const db = await e2eDb();
  const owner = newAccount("own");
  const app = await seedApp(db, owner.username, {
    settings: { oauth1Enabled: true, permission: "read-write", callbackUrls: [CALLBACK], description: "Schedules posts for busy people.", websiteUrl: "https://scheduler.example.com", organizationName: "Example Org", ...settings },
  });
  const reader = newAccount("rdr");
  const dev = await seedDeveloper(db, reader.username);
  db.update(apps).set({ name: `Scheduler ${owner.username.slice(-5)}`, nameLower: `scheduler ${owner.username.slice(-5)}` }).where(eq(apps.id, app.app.id)).run();
  return {
    consumer: { key: app.secrets.apiKey, secret: app.secrets.apiKeySecret },
    user: { ...reader, name: dev.user.name, email: dev.user.email, password: SEED_PASSWORD },
    appName: `Scheduler ${owner.username.slice(-5)}`,
  };
}

/** The `oauth` package (passport-twitter's client), promisified. */
function client(consumer: Seeded["consumer"], callback: string) {
  const c = new OAuth(`${BASE}/oauth/request_token`, `${BASE}/oauth/access_token`, consumer.key, consumer.secret, "1.0A", callback, "HMAC-SHA1");
  return {
    requestToken: () =>
      new Promise<{ token: string; secret: string }>((resolve, reject) =>
        c.getOAuthRequestToken((err, token, secret) => (err ? reject(err) : resolve({ token, secret }))),
      ),
    accessToken: (rt: { token: string; secret: string }, verifier: string) =>
      new Promise<{ token: string; secret: string; results: Record<string, string> }>((resolve, reject) =>
        c.getOAuthAccessToken(rt.token, rt.secret, verifier, (err, token, secret, results) => (err ? reject(err) : resolve({ token, secret, results }))),
      ),
    verifyCredentials: (at: { token: string; secret: string }) =>
      new Promise<Record<string, unknown>>((resolve, reject) =>
        c.get(`${BASE}/1.1/account/verify_credentials.json`, at.token, at.secret, (err, data) => (err ? reject(err) : resolve(JSON.parse(String(data))))),
      ),
  };
}

async function signInHere(page: Page, user: Account) {
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Foauth%2F/);
  await page.getByLabel("Username or e-mail").fill(user.username);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test.describe("OAuth 1.0a consent", () => {
  test("callback flow: sign in → consent → callback → access token → signed call; then Sign in with X skips consent", async ({ page, shot, axe }) => {
    const s = await seed();
    const oauth = client(s.consumer, CALLBACK);
    const rt = await oauth.requestToken();

    await page.goto(`/oauth/authorize?oauth_token=${rt.token}&screen_name=${s.user.username}`);
    await expect(page.getByLabel("Username or e-mail")).toHaveValue(s.user.username);
    await signInHere(page, s.user);

    await expect(page.getByRole("heading", { name: `Authorize ${s.appName} to access your account?` })).toBeVisible();
    await expect(page.getByText("Schedules posts for busy people.")).toBeVisible();
    await expect(page.getByRole("link", { name: "scheduler.example.com" })).toBeVisible();
    await expect(page.getByText("Example Org")).toBeVisible();
    await expect(page.getByText(`@${s.user.username}`)).toBeVisible();
    await expect(page.getByText("Post and delete Posts for you", { exact: false })).toBeVisible();
    await expect(page.getByText("Read or send your Direct Messages.")).toBeVisible();
    const response = await page.request.get(`/oauth/authorize?oauth_token=${rt.token}`);
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    await shot("oauth1-consent-light");
    await axe();

    await page.getByRole("button", { name: "Authorize app" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${CALLBACK}?oauth_token=${rt.token}&oauth_verifier=`));
    const verifier = new URL(page.url()).searchParams.get("oauth_verifier")!;
    const at = await oauth.accessToken(rt, verifier);
    expect(at.results.screen_name).toBe(s.user.username);
    expect(await oauth.verifyCredentials(at)).toMatchObject({ screen_name: s.user.username, name: s.user.name });

    // The used request token: X's "Whoa there!" page.
    await page.goto(`/oauth/authorize?oauth_token=${rt.token}`);
    await expect(page.getByRole("heading", { name: "Whoa there!" })).toBeVisible();
    await expect(page.getByText("The request token for this page is invalid. It may have already been used, or expired because it is too old.", { exact: false })).toBeVisible();
    await shot("oauth1-invalid-token");

    // Sign in with X: already authorized → straight back to the callback, no consent screen.
    const again = await oauth.requestToken();
    await page.goto(`/oauth/authenticate?oauth_token=${again.token}`);
    await page.waitForURL((url) => url.href.startsWith(`${CALLBACK}?oauth_token=${again.token}&oauth_verifier=`));
    const second = await oauth.accessToken(again, new URL(page.url()).searchParams.get("oauth_verifier")!);
    expect(second.token).toBe(at.token);
  });

  test("PIN flow in the dark theme, and Cancel → callback?denied=", async ({ page, context, shot, axe }) => {
    await context.addCookies([{ name: "theme", value: "dark", url: BASE }]);
    const s = await seed({ permission: "read-write-directmessages", requestEmail: true, termsUrl: "https://scheduler.example.com/tos", privacyUrl: "https://scheduler.example.com/privacy" });
    const pinClient = client(s.consumer, "oob");
    const rt = await pinClient.requestToken();
    await page.goto(`/oauth/authorize?oauth_token=${rt.token}`);
    await signInHere(page, s.user);
    await expect(page.getByText("Send Direct Messages for you", { exact: false })).toBeVisible();
    await expect(page.getByText("See your e-mail address.")).toBeVisible();
    await shot("oauth1-consent-dark");
    await axe();
    await page.getByRole("button", { name: "Authorize app" }).click();
    const pin = page.getByTestId("oauth-pin");
    await expect(pin).toHaveText(/^[0-9]{7}$/);
    await shot("oauth1-pin-dark");
    await axe();
    const at = await pinClient.accessToken(rt, (await pin.textContent())!);
    expect(at.results.user_id).toMatch(/^[0-9]+$/);

    const cbClient = client(s.consumer, CALLBACK);
    const denied = await cbClient.requestToken();
    await page.goto(`/oauth/authorize?oauth_token=${denied.token}`);
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.waitForURL(`${CALLBACK}?denied=${denied.token}`);
    await expect(cbClient.accessToken(denied, "x")).rejects.toMatchObject({ statusCode: 401, data: "This feature is temporarily unavailable" });
  });

  test("force_login asks for the password; “Not you?” switches account", async ({ page, shot }) => {
    const s = await seed();
    const other = await seed();
    const oauth = client(s.consumer, CALLBACK);
    const rt = await oauth.requestToken();

    await page.goto(`/oauth/authorize?oauth_token=${rt.token}`);
    await signInHere(page, other.user);
    await expect(page.getByText(`@${other.user.username}`)).toBeVisible();
    await page.getByRole("button", { name: "Not you?" }).click();
    await signInHere(page, s.user);
    await expect(page.getByText(`@${s.user.username}`)).toBeVisible();

    await page.goto(`/oauth/authorize?oauth_token=${rt.token}&force_login=true`);
    await page.getByLabel("Password").fill("not my password");
    await page.getByRole("button", { name: "Authorize app" }).click();
    await expect(page.getByText("That is not your password")).toBeVisible();
    await shot("oauth1-force-login-error");
    await page.getByLabel("Password").fill(s.user.password);
    await page.getByRole("button", { name: "Authorize app" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${CALLBACK}?oauth_token=${rt.token}&oauth_verifier=`));
  });
});

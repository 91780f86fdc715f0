import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { OAuth } from "oauth";
import OAuth1a from "oauth-1.0a";
import { e2eDb } from "./support/db";
// Static imports: Playwright does not transpile `@/` modules loaded by dynamic import().
import { apps, users } from "@/db/schema";
import { seedApp, seedDeveloper, SEED_PASSWORD } from "@/db/test-seed";
import { approveAuthorization } from "@/lib/domain/oauth2/authorize";
import { authorizeParams, REDIRECT } from "@/lib/domain/oauth2/test-helpers";
import { expect, newAccount, test } from "./fixtures";

const BASE = `http://127.0.0.1:${process.env.E2E_PORT}`;
const WEBSITE = "https://digest.example.com/";

type Credentials = { key: string; secret: string };

/** An App in a Project (OAuth 1.0a Read, write and DMs; OAuth 2.0 Web App) and a user who will authorize it. */
async function seed() {
  const db = await e2eDb();
  const owner = newAccount("own");
  const app = await seedApp(db, owner.username, {
    settings: {
      oauth1Enabled: true,
      oauth2Enabled: true,
      appType: "web",
      permission: "read-write-directmessages",
      callbackUrls: [REDIRECT],
      description: "Posts a digest of your day.",
      websiteUrl: WEBSITE,
    },
  });
  const appName = `Daily Digest ${owner.username.slice(-5)}`;
  db.update(apps).set({ name: appName, nameLower: appName.toLowerCase() }).where(eq(apps.id, app.app.id)).run();
  const user = newAccount("ca");
  const dev = await seedDeveloper(db, user.username);
  return { db, app: { ...app.app, name: appName }, consumer: { key: app.secrets.apiKey, secret: app.secrets.apiKeySecret }, user: dev.user };
}

/** The `oauth` package's PIN flow, promisified. */
function pinClient(consumer: Credentials) {
  const c = new OAuth(`${BASE}/oauth/request_token`, `${BASE}/oauth/access_token`, consumer.key, consumer.secret, "1.0A", "oob", "HMAC-SHA1");
  return {
    requestToken: () => new Promise<Credentials>((resolve, reject) => c.getOAuthRequestToken((err, key, secret) => (err ? reject(err) : resolve({ key, secret })))),
    accessToken: (rt: Credentials, pin: string) =>
      new Promise<Credentials>((resolve, reject) => c.getOAuthAccessToken(rt.key, rt.secret, pin, (err, key, secret) => (err ? reject(err) : resolve({ key, secret })))),
  };
}

/** A v2 call signed with `oauth-1.0a` (a JSON body is not part of the signature). */
function signedFetch(consumer: Credentials, token: Credentials, method: string, path: string, body?: unknown) {
  const oauth = new OAuth1a({ consumer, signature_method: "HMAC-SHA1", hash_function: (base, key) => createHmac("sha1", key).update(base).digest("base64") });
  const url = `${BASE}${path}`;
  const headers: Record<string, string> = { ...oauth.toHeader(oauth.authorize({ url, method }, token)) };
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

test.describe("Connected apps and Tweet sources", () => {
  test("authorize through the consent page, post through the API, see the source, then revoke access", async ({ page, accounts, shot, axe }) => {
    const s = await seed();
    await accounts.signIn(s.user.username, SEED_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);

    // OAuth 1.0a through the real consent page (PIN flow), OAuth 2.0 consent recorded through lib/domain.
    const client = pinClient(s.consumer);
    const rt = await client.requestToken();
    await page.goto(`/oauth/authorize?oauth_token=${rt.key}`);
    await page.getByRole("button", { name: "Authorize app" }).click();
    const pin = (await page.getByTestId("oauth-pin").textContent())!.trim();
    const token = await client.accessToken(rt, pin);
    approveAuthorization(s.db, s.user.id, authorizeParams(s.app.clientId, { scope: "tweet.read users.read tweet.write offline.access" }));

    // A Tweet posted through the API shows its source on the profile.
    const created = await signedFetch(s.consumer, token, "POST", "/2/tweets", { text: "Today: three meetings, one good idea." });
    expect(created.status).toBe(201);
    expect(created.headers.get("x-access-level")).toBe("read-write-directmessages");
    const tweet = (await created.json()) as { data: { id: string } };
    await page.goto(`/u/${s.user.username}`);
    await expect(page.getByRole("heading", { name: s.user.name, level: 1 })).toBeVisible();
    await expect(page.getByRole("main").getByText(`@${s.user.username}`)).toBeVisible();
    const post = page.getByRole("article", { name: `Post ${tweet.data.id}` });
    await expect(post.getByText("Today: three meetings, one good idea.")).toBeVisible();
    await expect(post.getByText(/via/)).toBeVisible();
    await expect(post.getByRole("link", { name: s.app.name })).toHaveAttribute("href", WEBSITE);
    await shot("profile-light");
    await axe();
    await page.emulateMedia({ colorScheme: "dark" });
    await shot("profile-dark");
    await page.emulateMedia({ colorScheme: "light" });

    // Connected apps lists the App with what it may do.
    await page.goto("/settings/connected-apps");
    await expect(page.getByRole("heading", { name: "Connected apps", level: 1 })).toBeVisible();
    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: s.app.name }) });
    await expect(item.getByText("Read, write and Direct Messages")).toBeVisible();
    await expect(item.getByText("tweet.write")).toBeVisible();
    await expect(item.getByText("Post and repost for you")).toBeVisible();
    await expect(item.getByText(/^Authorized \d{4}-/)).toBeVisible();
    await shot("connected-apps-light");
    await axe();
    await page.emulateMedia({ colorScheme: "dark" });
    await shot("connected-apps-dark");
    await axe();

    await item.getByRole("button", { name: `Revoke access for ${s.app.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke access for ${s.app.name}?` });
    await expect(dialog.getByText("every access token it holds for you stops working now", { exact: false })).toBeVisible();
    await shot("connected-apps-revoke-dark");
    await dialog.getByRole("button", { name: "Revoke access" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Access revoked. ${s.app.name} can no longer use your account.` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No connected apps" })).toBeVisible();
    await page.emulateMedia({ colorScheme: "light" });
    await shot("connected-apps-empty-light");

    // Every token of the App for this user has stopped.
    const after = await signedFetch(s.consumer, token, "GET", "/2/users/me");
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" });
    await page.reload();
    await expect(page.getByRole("heading", { name: "No connected apps" })).toBeVisible();
  });

  test("an unknown profile is 404; a protected account's posts are hidden from others", async ({ page, accounts }) => {
    const s = await seed();
    await accounts.signIn(s.user.username, SEED_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
    expect((await page.goto("/u/nobody_at_all_x"))?.status()).toBe(404);
    const other = newAccount("prot");
    const dev = await seedDeveloper(s.db, other.username);
    s.db.update(users).set({ protected: true, description: "Private notes." }).where(eq(users.id, dev.user.id)).run();
    await page.goto(`/u/${other.username}`);
    await expect(page.getByText("Private notes.")).toBeVisible();
    await expect(page.getByText(`These posts are protected. Only @${other.username} and its approved followers can see them.`)).toBeVisible();
  });
});

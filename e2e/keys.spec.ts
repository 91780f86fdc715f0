import fs from "node:fs";
import type { Page } from "@playwright/test";
import { e2eDb } from "./support/db";
import { Accounts, expect, test } from "./fixtures";
import { createApp } from "@/lib/domain/apps";
import { findAppByBearer, findConsumer, verifyClientSecret } from "@/lib/domain/app-credentials";
import { updateAuthSettings } from "@/lib/domain/auth-settings";
import { listDeveloperAccounts } from "@/lib/domain/developer-accounts";
import { findOAuth1AccessToken, issueOAuth1AccessToken } from "@/lib/domain/user-tokens";
import { getUserByUsername } from "@/lib/domain/users";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** An App for a user signed up through the UI (the create-App UI is built elsewhere), with OAuth 2.0 as a Web App. */
async function seedKeysApp(username: string) {
  const db = await e2eDb();
  const user = getUserByUsername(db, username)!;
  const actor = { userId: user.id, isOperator: user.isOperator };
  const account = listDeveloperAccounts(db, actor).find((a) => a.kind === "personal")!;
  const created = createApp(db, actor, account.id, { name: `Keys ${username}`, environment: "development" });
  updateAuthSettings(db, actor, {
    appId: created.app.id,
    oauth1Enabled: true,
    oauth2Enabled: true,
    permission: "read-write",
    requestEmail: false,
    appType: "web",
    callbackUrls: [{ url: "https://example.com/callback" }],
    websiteUrl: "https://example.com",
    termsUrl: "",
    privacyUrl: "",
    signInWithX: true,
  });
  return { ...created, user, db };
}

/** Confirms a dialog, then reads the secrets shown once and closes them. */
async function confirmAndRead(page: Page, dialogTitle: string, confirm: string, envNames: string[]) {
  await page.getByRole("dialog", { name: dialogTitle }).getByRole("button", { name: confirm }).click();
  // The confirmation closes only once the action has answered: read the new values after that.
  await expect(page.getByRole("dialog", { name: dialogTitle })).toBeHidden();
  const shown = page.getByRole("dialog", { name: /^Your new|^Access Token and Secret for/ });
  await expect(shown).toBeVisible();
  const values: Record<string, string> = {};
  for (const name of envNames) values[name] = (await shown.getByTestId(`secret-${name}`).textContent())!;
  return { shown, values };
}

test.describe("Keys and tokens", () => {
  test("every credential: shown once with copy and .env, hints after reload, regenerate and revoke", async ({ page, accounts, shot, axe }) => {
    const account = await accounts.developer("keys");
    const { app, secrets, db, user } = await seedKeysApp(account.username);

    await page.goto(`/apps/${app.id}/keys`);
    await expect(page.getByRole("navigation", { name: "App settings" }).getByRole("link", { name: "Keys and tokens" })).toHaveAttribute("aria-current", "page");
    const consumer = page.getByRole("group", { name: "API Key and Secret" });
    await consumer.getByRole("button", { name: "Reveal API Key hint" }).click();
    await expect(consumer.getByTestId("api-key-hint")).toHaveText(`${secrets.apiKey.slice(0, 4)}…${secrets.apiKey.slice(-4)}`);
    await shot("keys-light");
    await axe();

    // API Key and Secret: regenerate → shown once, copy, .env download; the old pair stops.
    await consumer.getByRole("button", { name: "Regenerate" }).click();
    await expect(page.getByRole("dialog", { name: "Regenerate API Key and Secret?" })).toBeVisible();
    await shot("keys-confirm-regenerate");
    const { shown, values } = await confirmAndRead(page, "Regenerate API Key and Secret?", "Yes, regenerate", ["API_KEY", "API_KEY_SECRET"]);
    expect(values.API_KEY).toMatch(/^[A-Za-z0-9]{25}$/);
    expect(values.API_KEY_SECRET).toMatch(/^[A-Za-z0-9]{50}$/);
    await shown.getByRole("button", { name: "Copy API Key Secret" }).click();
    await expect(shown.getByRole("button", { name: "Copy API Key Secret" })).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(values.API_KEY_SECRET);
    const [download] = await Promise.all([page.waitForEvent("download"), shown.getByRole("button", { name: "Download .env" }).click()]);
    expect(fs.readFileSync(await download.path(), "utf8")).toBe(`API_KEY=${values.API_KEY}\nAPI_KEY_SECRET=${values.API_KEY_SECRET}\n`);
    await shot("keys-secrets-dialog");
    await axe();
    await shown.getByRole("button", { name: "I saved them" }).click();
    expect(findConsumer(db, secrets.apiKey)).toBeNull();
    expect(findConsumer(db, values.API_KEY!)?.secret).toBe(values.API_KEY_SECRET);

    await page.reload();
    expect(await page.content()).not.toContain(values.API_KEY_SECRET);
    expect(await page.content()).not.toContain(values.API_KEY);
    await consumer.getByRole("button", { name: "Reveal API Key hint" }).click();
    await expect(consumer.getByTestId("api-key-hint")).toHaveText(`${values.API_KEY!.slice(0, 4)}…${values.API_KEY!.slice(-4)}`);
    await expect(consumer.getByText(`…${values.API_KEY_SECRET!.slice(-4)}`)).toBeVisible();

    // Regenerate with a grace period: both pairs work, shown with the expiry; end it early.
    await consumer.getByRole("button", { name: "Regenerate" }).click();
    await page.getByRole("dialog", { name: "Regenerate API Key and Secret?" }).getByLabel("The previous API Key and Secret").selectOption("1h");
    const graced = await confirmAndRead(page, "Regenerate API Key and Secret?", "Yes, regenerate", ["API_KEY"]);
    await graced.shown.getByRole("button", { name: "I saved them" }).click();
    await expect(consumer.getByText(/Previous API Key .* keeps working until/)).toBeVisible();
    expect(findConsumer(db, values.API_KEY!)).not.toBeNull();
    await shot("keys-grace-period");
    await consumer.getByRole("button", { name: "End grace period now" }).click();
    await page.getByRole("dialog", { name: "End the grace period now?" }).getByRole("button", { name: "End it now" }).click();
    await expect(consumer.getByText(/keeps working until/)).toBeHidden();
    expect(findConsumer(db, values.API_KEY!)).toBeNull();

    // Bearer token: regenerate, revoke, generate.
    const bearer = page.getByRole("group", { name: "Bearer Token" });
    await bearer.getByRole("button", { name: "Regenerate" }).click();
    const b = await confirmAndRead(page, "Regenerate the Bearer Token?", "Yes, regenerate", ["BEARER_TOKEN"]);
    await b.shown.getByRole("button", { name: "Copy Bearer Token" }).click();
    await expect(b.shown.getByRole("button", { name: "Copy Bearer Token" })).toHaveText("Copied");
    await b.shown.getByRole("button", { name: "I saved them" }).click();
    expect(findAppByBearer(db, secrets.bearerToken)).toBeNull();
    expect(findAppByBearer(db, b.values.BEARER_TOKEN!)?.id).toBe(app.id);
    await expect(bearer.getByText(`…${b.values.BEARER_TOKEN!.slice(-4)}`)).toBeVisible();
    await bearer.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog", { name: "Revoke the Bearer Token?" }).getByRole("button", { name: "Yes, revoke" }).click();
    await expect(bearer.getByText("Bearer token revoked. Requests using it now fail.")).toBeVisible();
    await expect(bearer.getByText(/No Bearer Token/)).toBeVisible();
    expect(findAppByBearer(db, b.values.BEARER_TOKEN!)).toBeNull();
    await bearer.getByRole("button", { name: "Generate Bearer Token", exact: true }).click();
    const b2 = page.getByRole("dialog", { name: "Your new Bearer Token" });
    await expect(b2.getByTestId("secret-BEARER_TOKEN")).toHaveText(/^A{22}/);
    await b2.getByRole("button", { name: "I saved them" }).click();

    // The owner's Access Token and Secret.
    const access = page.getByRole("group", { name: "Access Token and Secret" });
    await expect(access.getByText("It will be created with Read and write permissions", { exact: false })).toBeVisible();
    await access.getByRole("button", { name: "Generate Access Token and Secret", exact: true }).click();
    const tokenDialog = page.getByRole("dialog", { name: `Access Token and Secret for @${account.username}` });
    const token = (await tokenDialog.getByTestId("secret-ACCESS_TOKEN").textContent())!;
    expect(token.startsWith(`${user.id}-`)).toBe(true);
    await tokenDialog.getByRole("button", { name: "I saved them" }).click();
    await expect(access.getByText("Created with Read and write permissions")).toBeVisible();
    await access.getByRole("button", { name: "Regenerate" }).click();
    const t2 = await confirmAndRead(page, "Regenerate the Access Token and Secret?", "Yes, regenerate", ["ACCESS_TOKEN", "ACCESS_TOKEN_SECRET"]);
    await t2.shown.getByRole("button", { name: "I saved them" }).click();
    expect(findOAuth1AccessToken(db, token)).toBeNull();
    expect(findOAuth1AccessToken(db, t2.values.ACCESS_TOKEN!)?.secret).toBe(t2.values.ACCESS_TOKEN_SECRET);
    await access.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog", { name: "Revoke the Access Token and Secret?" }).getByRole("button", { name: "Yes, revoke" }).click();
    await expect(access.getByRole("button", { name: "Generate Access Token and Secret", exact: true })).toBeVisible();
    expect(findOAuth1AccessToken(db, t2.values.ACCESS_TOKEN!)).toBeNull();

    // OAuth 2.0: Client ID shown, Client Secret regenerated.
    await expect(page.getByTestId("client-id")).toHaveText(app.clientId);
    const secretRow = page.getByRole("group", { name: "Client Secret" });
    await secretRow.getByRole("button", { name: "Regenerate" }).click();
    const c = await confirmAndRead(page, "Regenerate the Client Secret?", "Yes, regenerate", ["CLIENT_ID", "CLIENT_SECRET"]);
    expect(c.values.CLIENT_ID).toBe(app.clientId);
    await c.shown.getByRole("button", { name: "I saved them" }).click();
    expect(verifyClientSecret(db, app.id, c.values.CLIENT_SECRET!)).toBe(true);
    await expect(secretRow.getByText(`…${c.values.CLIENT_SECRET!.slice(-4)}`)).toBeVisible();

    await page.reload();
    const html = await page.content();
    for (const secret of [c.values.CLIENT_SECRET!, t2.values.ACCESS_TOKEN_SECRET!, b.values.BEARER_TOKEN!]) expect(html).not.toContain(secret);
    await shot("keys-after-light");
    await page.emulateMedia({ colorScheme: "dark" });
    await shot("keys-after-dark");
    await axe();
    await consumer.getByRole("button", { name: "Regenerate" }).click();
    await shot("keys-confirm-dark");
    await axe();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
  });

  test("a stale owner Access Token is flagged; another developer gets 404", async ({ page, accounts, browser }) => {
    const account = await accounts.developer("stale");
    const { app, db, user } = await seedKeysApp(account.username);
    issueOAuth1AccessToken(db, { appId: app.id, userId: user.id, accessLevel: "read", source: "portal" });
    await page.goto(`/apps/${app.id}/keys`);
    const access = page.getByRole("group", { name: "Access Token and Secret" });
    await expect(access.getByText("Created with Read permissions")).toBeVisible();
    await expect(access.getByText(/The App's permissions are now Read and write\. Regenerate this token/)).toBeVisible();

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await new Accounts(otherPage).developer("strange");
    const res = await otherPage.goto(`/apps/${app.id}/keys`);
    expect(res?.status()).toBe(404);
    await expect(otherPage.getByText(/Reveal API Key hint/)).toHaveCount(0);
    await other.close();
  });
});

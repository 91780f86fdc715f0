import { eq } from "drizzle-orm";
import { e2eDb } from "./support/db";
import { expect, test } from "./fixtures";
import { apps } from "@/db/schema";
import { createApp } from "@/lib/domain/apps";
import { verifyClientSecret } from "@/lib/domain/app-credentials";
import { listDeveloperAccounts } from "@/lib/domain/developer-accounts";
import { ownerAccessTokenInfo } from "@/lib/domain/user-tokens";
import { getUserByUsername } from "@/lib/domain/users";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** A fresh App (user authentication off) for a user signed up through the UI. */
async function seedPlainApp(username: string) {
  const db = await e2eDb();
  const user = getUserByUsername(db, username)!;
  const actor = { userId: user.id, isOperator: user.isOperator };
  const account = listDeveloperAccounts(db, actor).find((a) => a.kind === "personal")!;
  const { app } = createApp(db, actor, account.id, { name: `Auth ${username}`, environment: "development" });
  return { app, db, user };
}

test.describe("User authentication settings", () => {
  test("bad input is field errors; email waits for ToS and privacy URLs; save", async ({ page, accounts, shot, axe }) => {
    const account = await accounts.developer("authin");
    const { app, db } = await seedPlainApp(account.username);
    await page.goto(`/apps/${app.id}/auth-settings`);
    await expect(page.getByRole("switch", { name: "OAuth 1.0a" })).not.toBeChecked();
    await shot("auth-settings-empty");
    await axe();

    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Turn on OAuth 1.0a, OAuth 2.0 or both to save user authentication settings")).toBeVisible();
    await expect(page.getByText("Enter a callback URL")).toBeVisible();
    await expect(page.getByText("Enter your website URL")).toBeVisible();

    await page.getByRole("switch", { name: "OAuth 2.0" }).check();
    await page.getByRole("switch", { name: "OAuth 1.0a" }).check();
    await page.getByLabel("Callback URL 1", { exact: true }).fill("http://localhost:3000/cb");
    await page.getByRole("button", { name: "Add another URL" }).click();
    await page.getByLabel("Callback URL 2", { exact: true }).fill("https://example.com/cb");
    await page.getByRole("button", { name: "Add another URL" }).click();
    await page.getByLabel("Callback URL 3", { exact: true }).fill("https://example.com/cb");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Choose the type of App for OAuth 2.0")).toBeVisible();
    await expect(page.getByText("localhost is not allowed: use http://127.0.0.1 or a custom host")).toBeVisible();
    await expect(page.getByText("This callback URL is already in the list")).toBeVisible();
    await shot("auth-settings-errors");
    await axe();

    // Request email needs both URLs.
    const email = page.getByRole("switch", { name: "Request email from users" });
    await expect(email).toBeDisabled();
    await expect(page.getByRole("region", { name: "App permissions" }).getByRole("link", { name: "App details" })).toHaveAttribute("href", `/apps/${app.id}`);
    await page.getByLabel("Terms of Service URL").fill("https://example.com/terms");
    await expect(email).toBeDisabled();
    await page.getByLabel("Privacy Policy URL").fill("https://example.com/privacy");
    await expect(email).toBeEnabled();
    await email.check();

    await page.getByRole("button", { name: "Remove callback URL 3" }).click();
    await page.getByLabel("Callback URL 1", { exact: true }).fill("myapp://callback/path");
    await page.getByLabel("Website URL (required)").fill("https://example.com");
    await page.getByRole("radio", { name: "Native App" }).check();
    await page.getByRole("switch", { name: "Allow this App to be used to Sign in with X" }).uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    expect(db.select().from(apps).where(eq(apps.id, app.id)).get()).toMatchObject({
      oauth1Enabled: true,
      oauth2Enabled: true,
      appType: "native",
      requestEmail: true,
      signInWithX: false,
      callbackUrls: ["myapp://callback/path", "https://example.com/cb"],
      termsUrl: "https://example.com/terms",
    });
    await page.reload();
    await expect(email).toBeChecked();

    // Clearing a URL turns request email off again.
    await page.getByLabel("Privacy Policy URL").fill("");
    await expect(email).not.toBeChecked();
    await expect(email).toBeDisabled();
  });

  test("changing the permission warns, then discards every user token", async ({ page, accounts, shot, axe }) => {
    const account = await accounts.developer("authperm");
    const { app, db, user } = await seedPlainApp(account.username);
    await page.goto(`/apps/${app.id}/auth-settings`);
    await page.getByRole("switch", { name: "OAuth 1.0a" }).check();
    await page.getByLabel("Callback URL 1", { exact: true }).fill("https://example.com/cb");
    await page.getByLabel("Website URL (required)").fill("https://example.com");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();

    // The owner's token, generated on the Keys and tokens page.
    await page.goto(`/apps/${app.id}/keys`);
    await page.getByRole("group", { name: "Access Token and Secret" }).getByRole("button", { name: "Generate Access Token and Secret", exact: true }).click();
    await page.getByRole("button", { name: "I saved them" }).click();
    await expect(page.getByText("Created with Read permissions")).toBeVisible();
    expect(ownerAccessTokenInfo(db, app.id, user.id)).not.toBeNull();

    await page.goto(`/apps/${app.id}/auth-settings`);
    await page.getByRole("radio", { name: "Read, write and Direct Messages" }).check();
    await expect(page.getByText("Every user token issued to this App will stop working", { exact: false })).toBeVisible();
    await shot("auth-settings-permission-warning");
    await page.getByRole("button", { name: "Save" }).click();
    const confirm = page.getByRole("dialog", { name: "Change the App permissions?" });
    await expect(confirm).toContainText("From Read to Read, write and Direct Messages");
    await shot("auth-settings-permission-confirm");
    await axe();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(ownerAccessTokenInfo(db, app.id, user.id)).not.toBeNull();

    await page.getByRole("button", { name: "Save" }).click();
    await confirm.getByRole("button", { name: "Change permissions" }).click();
    await expect(page.getByText("Every user token issued to this App was discarded; users must authorize again.", { exact: false })).toBeVisible();
    expect(ownerAccessTokenInfo(db, app.id, user.id)).toBeNull();
    await page.goto(`/apps/${app.id}/keys`);
    await expect(page.getByText("It will be created with Read, write and Direct Messages permissions", { exact: false })).toBeVisible();
  });

  test("switching app types creates the Client Secret (shown once) and deletes it", async ({ page, accounts, shot, axe }) => {
    const account = await accounts.developer("authtype");
    const { app, db } = await seedPlainApp(account.username);
    await page.goto(`/apps/${app.id}/auth-settings`);
    await page.getByRole("switch", { name: "OAuth 2.0" }).check();
    await page.getByRole("radio", { name: "Web App" }).check();
    await expect(page.getByText("Saving creates a Client Secret", { exact: false })).toBeVisible();
    await page.getByLabel("Callback URL 1", { exact: true }).fill("https://example.com/cb");
    await page.getByLabel("Website URL (required)").fill("https://example.com");
    await shot("auth-settings-oauth2-light");
    await page.getByRole("button", { name: "Save" }).click();

    const shown = page.getByRole("dialog", { name: "Your OAuth 2.0 Client ID and Client Secret" });
    await expect(shown.getByTestId("secret-CLIENT_ID")).toHaveText(app.clientId);
    const secret = (await shown.getByTestId("secret-CLIENT_SECRET").textContent())!;
    expect(verifyClientSecret(db, app.id, secret)).toBe(true);
    await shown.getByRole("button", { name: "Copy Client Secret" }).click();
    await expect(shown.getByRole("button", { name: "Copy Client Secret" })).toHaveText("Copied");
    await shot("auth-settings-client-secret");
    await axe();
    await shown.getByRole("button", { name: "I saved them" }).click();
    await page.reload();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole("radio", { name: "Single page App" }).check();
    await expect(page.getByText("Saving deletes the Client Secret", { exact: false })).toBeVisible();
    await page.emulateMedia({ colorScheme: "dark" });
    await shot("auth-settings-oauth2-dark");
    await axe();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("The Client Secret was deleted: public clients have none.", { exact: false })).toBeVisible();
    expect(verifyClientSecret(db, app.id, secret)).toBe(false);

    await page.goto(`/apps/${app.id}/keys`);
    await expect(page.getByText("A Single page App is a public client", { exact: false })).toBeVisible();
    await expect(page.getByTestId("client-id")).toHaveText(app.clientId);
  });
});

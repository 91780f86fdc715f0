import { eq } from "drizzle-orm";
import { apps } from "@/db/schema";
import { expect, test } from "./fixtures";
import { seedAppFor } from "./support/seed";

test.describe("edit forms never lose an update", () => {
  test("two tabs on App details: the stale save is refused, shows what changed, and reloads keeping its own change", async ({ page, context, accounts, shots }) => {
    test.setTimeout(120_000); // shots: four screenshots and axe runs per state
    const me = await accounts.developer("tabs");
    const { app, db } = await seedAppFor(me.username, `Tabs ${me.username.slice(-6)}`);
    const tabB = await context.newPage();
    await page.goto(`/apps/${app.id}`);
    await tabB.goto(`/apps/${app.id}`);

    await page.getByLabel("App description").fill("Saved first, in tab A");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "App details saved" })).toBeVisible();

    await tabB.getByLabel("Organization name").fill("Tab B Inc");
    await tabB.getByRole("button", { name: "Save" }).click();
    const notice = tabB.getByRole("alert").filter({ hasText: "This App changed since you opened it" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Nothing was saved");
    await expect(notice).toContainText("App description: Saved first, in tab A");
    await shots("edits-stale-app-details", tabB);
    expect(db.select().from(apps).where(eq(apps.id, app.id)).get()).toMatchObject({ description: "Saved first, in tab A", organizationName: "" });

    await notice.getByRole("button", { name: "Load the latest version" }).click();
    await expect(tabB.getByLabel("App description")).toHaveValue("Saved first, in tab A");
    await expect(tabB.getByLabel("Organization name")).toHaveValue("Tab B Inc");
    await tabB.getByRole("button", { name: "Save" }).click();
    await expect(tabB.getByRole("status").filter({ hasText: "App details saved" })).toBeVisible();
    expect(db.select().from(apps).where(eq(apps.id, app.id)).get()).toMatchObject({ description: "Saved first, in tab A", organizationName: "Tab B Inc" });

    // Activity names the fields as the form labels them.
    await tabB.reload();
    await expect(tabB.getByText("Updated App details: Organization name")).toBeVisible();
    await expect(tabB.getByText("Updated App details: App description")).toBeVisible();
  });

  test("User authentication settings saved in another tab make App details stale, with what changed", async ({ page, context, accounts }) => {
    const me = await accounts.developer("tabs2");
    const { app } = await seedAppFor(me.username, `Tabs2 ${me.username.slice(-6)}`);
    await page.goto(`/apps/${app.id}`);
    const settings = await context.newPage();
    await settings.goto(`/apps/${app.id}/auth-settings`);
    await settings.getByRole("switch", { name: "OAuth 1.0a" }).check();
    await settings.getByLabel("Callback URL 1", { exact: true }).fill("https://example.com/cb");
    await settings.getByLabel("Website URL (required)").fill("https://example.com");
    await settings.getByRole("button", { name: "Save" }).click();
    await expect(settings.getByText("Settings saved.")).toBeVisible();

    await page.getByLabel("Website URL").fill("https://mine.example.com");
    await page.getByRole("button", { name: "Save" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "This App changed since you opened it" });
    await expect(notice).toContainText("Website URL: https://example.com");
    await expect(notice).toContainText("Callback URLs: https://example.com/cb");
  });

  test("two tabs on a Project's form", async ({ page, context, accounts }) => {
    const me = await accounts.developer("tabsp");
    const { projectId } = await seedAppFor(me.username, `TabsP ${me.username.slice(-6)}`, { project: "Twice" });
    const tabB = await context.newPage();
    await page.goto(`/projects/${projectId}`);
    await tabB.goto(`/projects/${projectId}`);
    await page.getByLabel("Description").fill("From tab A");
    await page.getByRole("button", { name: "Save Project" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Project saved" })).toBeVisible();
    await tabB.getByLabel("Project name").fill("Renamed in B");
    await tabB.getByRole("button", { name: "Save Project" }).click();
    await expect(tabB.getByRole("alert").filter({ hasText: "This Project changed since you opened it" })).toContainText("Description: From tab A");
  });
});

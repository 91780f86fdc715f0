import { expect, test } from "./fixtures";
import { seedAppFor } from "./support/seed";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test.describe("keys shown once are not lost without a word", () => {
  test("after creating an App: the page is about the App, and leaving before saving the keys asks first", async ({ page, accounts, shots }) => {
    test.setTimeout(120_000); // shots: four screenshots and axe runs per state
    const me = await accounts.developer("once");
    await page.goto("/projects/new");
    await page.getByLabel("Project name").fill("Once");
    await page.getByLabel("Use case").selectOption({ label: "Making a bot" });
    await page.getByLabel("Description").fill("A bot that posts once a day");
    await page.getByRole("button", { name: "Next: add an App" }).click();
    await page.getByRole("link", { name: "Create a new App" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New App in Once" })).toBeVisible();
    const name = `Once ${me.username.slice(-6)}`;
    await page.getByLabel("App name").fill(name);
    await page.getByRole("button", { name: "Create App" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${name} is ready` })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^New App in/ })).toHaveCount(0);
    await shots("app-created-ready");

    // The sidebar: asked, stay.
    const messages: string[] = [];
    page.once("dialog", (d) => {
      messages.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    expect(messages).toEqual(["You won't see these keys again. Leave without saving them?"]);
    await expect(page.getByTestId("secret-API_KEY")).toBeVisible();
    await expect(page).toHaveURL(/\/apps\/new/);

    // Once every key is copied, leaving is not asked about.
    for (const label of ["API Key", "API Key Secret", "Bearer Token"]) await page.getByRole("button", { name: `Copy ${label}`, exact: true }).click();
    page.once("dialog", (d) => {
      messages.push(d.message());
      void d.dismiss();
    });
    await page.getByRole("link", { name: "Go to App settings" }).click();
    await expect(page.getByRole("heading", { name: "App details" })).toBeVisible();
    expect(messages).toHaveLength(1);
  });

  test("Escape on a shown-once dialog asks first; I saved them closes it", async ({ page, accounts }) => {
    const me = await accounts.developer("esc");
    const { app } = await seedAppFor(me.username, `Esc ${me.username.slice(-6)}`);
    await page.goto(`/apps/${app.id}/keys`);
    // Each credential's buttons say which credential they act on.
    await expect(page.getByRole("button", { name: "Regenerate", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Regenerate API Key and Secret" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Regenerate Bearer Token" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Generate Access Token and Secret", exact: true })).toBeVisible();
    const bearer = page.getByRole("group", { name: "Bearer Token" });
    await bearer.getByRole("button", { name: "Regenerate Bearer Token" }).click();
    await page.getByRole("dialog", { name: "Regenerate the Bearer Token?" }).getByRole("button", { name: "Yes, regenerate" }).click();
    const shown = page.getByRole("dialog", { name: "Your new Bearer Token" });
    await expect(shown.getByTestId("secret-BEARER_TOKEN")).toBeVisible();

    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await page.keyboard.press("Escape");
    await expect.poll(() => asked).toBe("You won't see these keys again. Leave without saving them?");
    await expect(shown).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(shown).toBeVisible();

    page.once("dialog", (d) => void d.accept());
    await page.keyboard.press("Escape");
    await expect(shown).toBeHidden();
  });
});

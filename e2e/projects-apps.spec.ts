import sharp from "sharp";
import { expect, test } from "./fixtures";

test.describe("Projects and Apps", () => {
  test("the whole journey: Project → App → details → icon → limits → standalone → attach → delete", async ({ page, accounts, shot, axe, browser }) => {
    test.setTimeout(180_000);
    const owner = await accounts.developer("pa");
    await expect(page.getByRole("heading", { name: "No Projects yet" })).toBeVisible();
    await shot("dashboard-empty");

    // Create a Project.
    await page.getByRole("link", { name: "Create a Project" }).click();
    await page.getByLabel("Project name").fill("Weather");
    await page.getByRole("button", { name: "Next: add an App" }).click();
    await expect(page.getByText("Choose the use case that fits best")).toBeVisible();
    await expect(page.getByText("Describe your Project", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Use case").locator("option")).toContainText(["Choose a use case", "Making a bot", "Exploring the API", "Academic research", "Building tools for X users"]);
    await page.getByLabel("Use case").selectOption({ label: "Making a bot" });
    await page.getByLabel("Description").fill("Daily forecasts, posted every morning");
    await page.getByRole("button", { name: "Next: add an App" }).click();
    await expect(page.getByText("Project created. Now add an App")).toBeVisible();
    // The Project's page says its use case under its name.
    await expect(page.getByRole("heading", { level: 1, name: "Weather" }).locator("xpath=following-sibling::div")).toContainText("Making a bot");
    await shot("project-setup");

    // Create an App in it: keys shown once.
    await page.getByRole("link", { name: "Create a new App" }).click();
    const appName = `Forecast ${owner.username.slice(-6)}`;
    await page.getByLabel("App name").fill(appName);
    await page.getByLabel("Environment").selectOption("production");
    await page.getByRole("button", { name: "Create App" }).click();
    await expect(page.getByText(`Here are your keys for ${appName}`)).toBeVisible();
    const apiKey = await page.getByTestId("secret-API_KEY").textContent();
    expect(apiKey).toMatch(/^[A-Za-z0-9]{25}$/);
    await expect(page.getByTestId("secret-API_KEY_SECRET")).toHaveText(/^[A-Za-z0-9]{50}$/);
    await expect(page.getByTestId("secret-BEARER_TOKEN")).toHaveText(/^A{22}/);
    await expect(page.getByText("will not be shown again")).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download .env" }).click();
    expect((await download).suggestedFilename()).toMatch(/\.env$/);
    await shot("app-created-keys");
    await page.reload();
    await expect(page.getByTestId("secret-API_KEY")).toHaveCount(0);
    expect(await page.content()).not.toContain(apiKey!);

    // Go to the App: edit every details field.
    await page.goto("/dashboard");
    await expect(page.getByText("Apps in this Project: 1 of 1")).toBeVisible();
    await page.getByRole("link", { name: appName }).click();
    await expect(page.getByRole("heading", { name: appName })).toBeVisible();
    await page.getByLabel("App description").fill("Forecasts for the town");
    await page.getByLabel("Website URL").fill("https://weather.example.com");
    await page.getByRole("button", { name: "Add another URL" }).click();
    const first = page.getByLabel("Callback URL 1", { exact: true });
    for (const [url, message] of [
      ["javascript://example.com/x", 'The "javascript" protocol is not allowed for callback URLs'],
      ["http://localhost:3000/cb", "localhost is not allowed: use http://127.0.0.1 or a custom host"],
      ["myapp://callback", "Custom scheme URLs need a domain and a path"],
      ["https://weather.example.com/cb?x=1", "Callback URLs cannot include a query string"],
      ["https://weather.example.com/cb#top", "Callback URLs cannot include a fragment"],
      ["https://me:pw@weather.example.com/cb", "Callback URLs cannot include a username or password"],
    ] as const) {
      await first.fill(url);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText(message)).toBeVisible();
    }
    await shot("callback-error");
    await first.fill("https://weather.example.com/cb");
    await page.getByRole("button", { name: "Add another URL" }).click();
    await page.getByLabel("Callback URL 2", { exact: true }).fill("https://weather.example.com/cb");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("This callback URL is already in the list")).toBeVisible();
    await page.getByLabel("Callback URL 2", { exact: true }).fill("http://127.0.0.1:8080/cb");
    await page.getByLabel("Terms of service URL").fill("https://weather.example.com/tos");
    await page.getByLabel("Privacy policy URL").fill("https://weather.example.com/privacy");
    await page.getByLabel("Organization name").fill("Weather Inc");
    await page.getByLabel("Organization URL").fill("https://weather.example.com/about");
    await page.getByLabel("Purpose / use case").fill("Posting forecasts");
    await expect(page.getByText("Unsaved changes")).toBeVisible();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "App details saved" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Callback URL 2", { exact: true })).toHaveValue("http://127.0.0.1:8080/cb");
    await expect(page.getByLabel("Organization name")).toHaveValue("Weather Inc");
    await expect(page.getByText("Updated App details: App description, Website URL, Callback URLs")).toBeVisible();

    // Icon: a non-image is refused by content; a PNG is accepted and served with nosniff.
    await page.getByLabel("App icon").setInputFiles({ name: "evil.png", mimeType: "image/png", buffer: Buffer.from("<script>alert(1)</script>") });
    await expect(page.getByText("That file is not an image. Use PNG, JPEG, WebP or GIF.")).toBeVisible();
    const png = await sharp({ create: { width: 300, height: 180, channels: 3, background: "#1d9bf0" } }).png().toBuffer();
    await page.getByLabel("App icon").setInputFiles({ name: "icon.png", mimeType: "image/png", buffer: png });
    await expect(page.getByText("Icon updated")).toBeVisible();
    const iconSrc = await page.locator('img[src*="/icon?v="]').first().getAttribute("src");
    const icon = await page.request.get(iconSrc!);
    expect(icon.headers()["content-type"]).toBe("image/png");
    expect(icon.headers()["x-content-type-options"]).toBe("nosniff");
    await shot("app-details");
    await axe();

    // Essential limit: the second App in the Project is disabled with the reason.
    const projectLink = page.getByRole("link", { name: "Projects & Apps" }).first();
    await projectLink.click();
    await page.getByRole("link", { name: "Weather" }).click();
    await expect(page.getByRole("button", { name: "Create a new App" })).toBeDisabled();
    await expect(page.getByText("Apps in this Project: 1 of 1 on Essential access")).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete Project" })).toBeVisible();
    await shot("project-full");

    // A standalone App.
    await page.goto("/dashboard");
    await page.getByRole("link", { name: "New standalone App" }).click();
    await page.getByLabel("App name").fill(`Loose ${owner.username.slice(-6)}`);
    await page.getByRole("button", { name: "Create App" }).click();
    await expect(page.getByText("Here are your keys for")).toBeVisible();
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: /Standalone Apps/ })).toBeVisible();

    // Make room by moving the first App out, then attach the standalone one.
    await page.getByRole("link", { name: "Weather" }).click();
    await page.getByRole("button", { name: `Move ${appName} to Standalone Apps` }).click();
    await expect(page.getByText("Apps in this Project: 0 of 1")).toBeVisible();
    await page.getByLabel("Standalone App").selectOption({ index: (await page.getByLabel("Standalone App").locator("option").allTextContents()).findIndex((t) => t.startsWith("Loose")) });
    await page.getByRole("button", { name: "Connect App" }).click();
    await expect(page.getByText("Apps in this Project: 1 of 1", { exact: true })).toBeVisible();
    await expect(page.getByText(/^Loose /)).toBeVisible();

    // Delete the Project: the confirmation lists its Apps, which become standalone.
    await page.getByRole("button", { name: "Delete Project" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText(/^Loose /)).toBeVisible();
    await shot("delete-project-dialog");
    await dialog.getByRole("button", { name: "Delete Project" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "No Projects yet" })).toBeVisible();
    await expect(page.getByRole("link", { name: appName })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Loose / })).toBeVisible();
    await shot("dashboard-standalone");

    // A second user cannot see the first user's App.
    const appUrl = await page.getByRole("link", { name: appName }).getAttribute("href");
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const { Accounts } = await import("./fixtures");
    await new Accounts(otherPage).developer("spy");
    const res = await otherPage.goto(appUrl!);
    expect(res?.status()).toBe(404);
    await other.close();

    // Delete an App: type its name.
    await page.getByRole("link", { name: appName }).click();
    await page.getByLabel(`Type "${appName}" to confirm`).fill(appName);
    await page.getByRole("button", { name: "Delete App" }).click();
    await expect(page).toHaveURL(/\/dashboard\?deleted=1$/);
    await expect(page.getByText("The App was deleted")).toBeVisible();
    await expect(page.getByRole("link", { name: appName })).toHaveCount(0);
  });

  test("pages in dark theme", async ({ page, accounts, shot, context }) => {
    await context.addCookies([{ name: "theme", value: "dark", url: page.url() === "about:blank" ? `http://127.0.0.1:${process.env.E2E_PORT}` : page.url() }]);
    await accounts.developer("dk");
    await page.goto("/projects/new");
    await page.getByLabel("Project name").fill("Night");
    await page.getByLabel("Use case").selectOption({ label: "Exploring the API" });
    await page.getByLabel("Description").fill("Testing the dark theme");
    await page.getByRole("button", { name: "Next: add an App" }).click();
    await page.getByRole("link", { name: "Create a new App" }).click();
    await page.getByLabel("App name").fill(`Night ${Date.now().toString(36)}`);
    await page.getByRole("button", { name: "Create App" }).click();
    await expect(page.getByText("Here are your keys for")).toBeVisible();
    await shot("dark-app-created");
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("link", { name: "Go to App settings" }).click();
    await expect(page.getByRole("heading", { name: "App details" })).toBeVisible();
    await shot("dark-app-details");
    await page.goto("/dashboard");
    await shot("dark-dashboard");
  });
});

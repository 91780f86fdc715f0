import { expect, newAccount, test } from "./fixtures";

test.describe("accounts and onboarding", () => {
  test("sign up → developer onboarding → dashboard shell", async ({ page, accounts, shot, axe }) => {
    const account = newAccount("new");
    await accounts.signUp(account);
    await expect(page).toHaveURL(/\/developer\/signup/);
    await shot("onboarding-empty");

    const useCase = page.getByLabel("Describe your use case");
    await useCase.fill("Too short");
    await expect(page.getByText("9 / 100 characters minimum — 91 to go")).toBeVisible();
    await page.getByRole("button", { name: "Get developer access" }).click();
    await expect(page.getByText("Describe your use case in at least 100 characters")).toBeVisible();
    await expect(page.getByText("You must accept the Developer Agreement")).toBeVisible();
    await shot("onboarding-errors");
    await axe();

    await accounts.becomeDeveloper();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByText("Essential", { exact: true })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Projects & Apps" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Account settings" })).toBeVisible();
    await shot("dashboard-shell");
    await axe();
  });

  test("sign out, then sign in by username and by e-mail", async ({ page, accounts, shot }) => {
    const account = await accounts.developer("inout");
    await accounts.signOut();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard/);

    await accounts.signIn(account.username.toUpperCase(), account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await accounts.signOut();
    await accounts.signIn(account.email, account.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("button", { name: `Account menu for @${account.username}` })).toBeVisible();
    await shot("signed-in");
  });

  test("wrong password gets one generic message", async ({ page, accounts, shot }) => {
    const account = await accounts.developer("wrong");
    await accounts.signOut();
    await accounts.signIn(account.username, "not the password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong username, e-mail or password.");
    await accounts.signIn("nobody_here_x", "not the password");
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong username, e-mail or password.");
    await expect(page).toHaveURL(/\/signin/);
    await shot("signin-wrong-password");
  });

  test("duplicate username (any case) and bad input are field errors", async ({ page, accounts, shot, axe }) => {
    const account = await accounts.developer("dup");
    await accounts.signOut();
    await accounts.signUp({ ...account, username: account.username.toUpperCase(), email: `x${account.email}` });
    await expect(page.getByText("That username is taken")).toBeVisible();
    await expect(page).toHaveURL(/\/signup/);

    await page.getByLabel("Username", { exact: true }).fill("bad name!");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use only letters, numbers and underscores (_)")).toBeVisible();
    await expect(page.getByText("Your password needs at least 8 characters")).toBeVisible();
    await shot("signup-errors");
    await axe();
  });

  test("signed-out visitors are sent to sign in and come back after", async ({ page, accounts }) => {
    const account = newAccount("back");
    await accounts.signUp(account);
    await accounts.becomeDeveloper();
    await accounts.signOut();
    await page.goto("/settings/account");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings%2Faccount/);
    await page.getByLabel("Username or e-mail").fill(account.username);
    await page.getByLabel("Password", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/account$/);
  });

  test("changing the password signs out the other sessions", async ({ browser, page, accounts, shot }) => {
    const account = await accounts.developer("pw");
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto("/signin");
    await otherPage.getByLabel("Username or e-mail").fill(account.username);
    await otherPage.getByLabel("Password", { exact: true }).fill(account.password);
    await otherPage.getByRole("button", { name: "Sign in" }).click();
    await expect(otherPage).toHaveURL(/\/dashboard$/);

    await page.goto("/settings/account");
    await page.getByLabel("Current password").fill(account.password);
    await page.getByLabel("New password", { exact: true }).fill("a brand new password");
    await page.getByLabel("Confirm new password").fill("a brand new password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed. 1 other session was signed out.")).toBeVisible();
    await shot("password-changed");

    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/signin/);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
    await other.close();
  });

  test("theme toggle cycles system → light → dark and is remembered", async ({ page, accounts, shot }) => {
    await accounts.developer("theme");
    const html = page.locator("html");
    await expect(html).not.toHaveAttribute("data-theme", /./);
    await page.getByRole("button", { name: /System theme/ }).click();
    await expect(html).toHaveAttribute("data-theme", "light");
    await page.getByRole("button", { name: /Light theme/ }).click();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await shot("dashboard-dark");
    await page.setViewportSize({ width: 375, height: 740 });
    await shot("dashboard-dark-375");
    await page.getByRole("button", { name: /Dark theme/ }).click();
    await expect(html).not.toHaveAttribute("data-theme", /./);
  });

  test("the account menu works from the keyboard", async ({ page, accounts }) => {
    await accounts.developer("kbd");
    const menuButton = page.getByRole("button", { name: /Account menu/ });
    await menuButton.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Account settings" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toBeHidden();
    await expect(menuButton).toBeFocused();
  });
});

test("/api/health is answered by the platform path, not Next", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["x-served-by"]).toBe("platform");
  expect(health.headers()["vary"]).toBeUndefined();

  const page = await request.get("/signin");
  expect(page.headers()["x-served-by"]).toBeUndefined();
  expect(page.headers()["vary"]).toContain("rsc");
});

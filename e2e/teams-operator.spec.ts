import { Accounts, expect, test } from "./fixtures";
import { e2eDb } from "./support/db";
import { makeOperator } from "@/lib/domain/operator";

test.describe("teams, automation label and operator console", () => {
  test("invite → accept → role change → a developer cannot create Apps", async ({ page, accounts, browser, shot }) => {
    const admin = await accounts.developer("tadm");
    const other = await browser.newContext();
    const memberPage = await other.newPage();
    const member = await new Accounts(memberPage).developer("tmem");

    await page.goto("/teams");
    await page.getByLabel("Team name").fill(`Acme ${admin.username.slice(-5)}`);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText(/Team Acme .* created/)).toBeVisible();
    await page.getByRole("link", { name: /^Acme / }).click();
    await page.getByLabel("Username", { exact: true }).fill("nobody_at_all");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText("No account is called @nobody_at_all")).toBeVisible();
    await page.getByLabel("Username", { exact: true }).fill(`@${member.username}`);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to @${member.username}`)).toBeVisible();

    await memberPage.goto("/teams");
    await memberPage.getByRole("button", { name: "Accept" }).click();
    await expect(memberPage.getByRole("link", { name: /^Acme / })).toBeVisible();

    // The admin sees the member and promotes, then demotes them; the last admin cannot leave.
    await page.reload();
    await expect(page.getByText(`@${member.username}`)).toBeVisible();
    await page.getByRole("button", { name: `Make @${member.username} an admin` }).click();
    await expect(page.getByRole("button", { name: `Make @${member.username} a developer` })).toBeVisible();
    await page.getByRole("button", { name: `Make @${member.username} a developer` }).click();
    await expect(page.getByRole("button", { name: `Make @${member.username} an admin` })).toBeVisible();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Leave team" }).click();
    await expect(page.getByText("The last admin cannot leave or be removed")).toBeVisible();
    await shot("team-members");

    // The member switches to the team: creating an App is disabled with the reason.
    await memberPage.goto("/dashboard");
    await memberPage.getByLabel("Developer account").selectOption({ label: `Team: Acme ${admin.username.slice(-5)}` });
    await expect(memberPage.getByText("You must be an admin to create an App")).toBeVisible();
    await expect(memberPage.getByRole("button", { name: "New standalone App" })).toBeDisabled();
    await shot("team-developer-dashboard");
    await other.close();
  });

  test("automated-account label: wrong password, then the managing account's password", async ({ page, accounts, browser, shot }) => {
    const managerCtx = await browser.newContext();
    const manager = await new Accounts(await managerCtx.newPage()).developer("mgr");
    await managerCtx.close();
    const bot = await accounts.developer("bot");
    await page.goto("/settings/account");
    await page.getByLabel("Managing account", { exact: true }).fill(`@${manager.username}`);
    await page.getByLabel("Managing account's password").fill("not the password");
    await page.getByRole("button", { name: "Apply label" }).click();
    await expect(page.getByText("That is not the managing account's password")).toBeVisible();
    await page.getByLabel("Managing account's password").fill(manager.password);
    await page.getByRole("button", { name: "Apply label" }).click();
    await expect(page.getByText(`Automated by @${manager.username}`)).toBeVisible();
    await page.reload();
    await expect(page.getByText(`This account is labelled Automated by @${manager.username}.`)).toBeVisible();
    await shot("automation-label");
    await page.goto(`/u/${bot.username}`);
    await expect(page.getByText(`Automated by @${manager.username}`)).toBeVisible();
    await shot("profile-automated");
    await page.goto("/settings/account");
    await page.getByLabel("Managing account's password").fill(manager.password);
    await page.getByRole("button", { name: "Remove label" }).click();
    await expect(page.getByRole("button", { name: "Apply label" })).toBeVisible();
    await expect(page.getByText(`Automated by @${manager.username}`)).toHaveCount(0);
  });

  test("operator suspends an App: tag, notice e-mail, OAuth fails; reinstate restores it", async ({ page, accounts, browser, shot, request }) => {
    // The owner creates an App and keeps its keys.
    const ownerCtx = await browser.newContext();
    const ownerPage = await ownerCtx.newPage();
    const owner = await new Accounts(ownerPage).developer("own");
    await ownerPage.goto("/apps/new");
    const appName = `Spammy ${owner.username.slice(-6)}`;
    await ownerPage.getByLabel("App name").fill(appName);
    await ownerPage.getByRole("button", { name: "Create App" }).click();
    const key = (await ownerPage.getByTestId("secret-API_KEY").textContent())!;
    const secret = (await ownerPage.getByTestId("secret-API_KEY_SECRET").textContent())!;
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(key)}:${encodeURIComponent(secret)}`).toString("base64")}`;
    const appOnly = () =>
      request.post("/oauth2/token", { headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded;charset=UTF-8" }, data: "grant_type=client_credentials" });
    expect((await appOnly()).status()).toBe(200);

    // A non-operator gets a 404 for the console.
    const op = await accounts.developer("op");
    expect((await page.goto("/admin"))?.status()).toBe(404);
    makeOperator(await e2eDb(), op.username);

    await page.goto(`/admin?tab=apps&q=${encodeURIComponent(appName)}`);
    await expect(page.getByText(`Owner @${owner.username} · personal account · Standalone`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Next" })).toHaveCount(0);
    await page.goto(`/admin?tab=apps&q=${encodeURIComponent(appName)}&page=2`);
    await expect(page.getByText("No Apps on page 2.")).toBeVisible();
    await page.getByRole("link", { name: "Back to the first page" }).click();
    await page.getByRole("button", { name: `Suspend ${appName}` }).click();
    await page.getByLabel("Reason (sent to the owner)").fill("Automated spam replies to strangers");
    await page.getByRole("button", { name: "Suspend App" }).click();
    await expect(page.getByRole("button", { name: `Reinstate ${appName}` })).toBeVisible();
    await shot("admin-apps");

    await page.goto("/admin?tab=outbox");
    await expect(page.getByText(`Application suspension notice → ${owner.email}`, { exact: false })).toBeVisible();
    await shot("admin-outbox");

    await ownerPage.goto("/dashboard");
    await expect(ownerPage.getByText("Suspended", { exact: true })).toBeVisible();
    const denied = await appOnly();
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toEqual({ errors: [{ code: 99, label: "authenticity_token_error", message: "Unable to verify your credentials" }] });

    await page.goto(`/admin?tab=apps&q=${encodeURIComponent(appName)}`);
    await page.getByRole("button", { name: `Reinstate ${appName}` }).click();
    await expect(page.getByRole("button", { name: `Suspend ${appName}` })).toBeVisible();
    expect((await appOnly()).status()).toBe(200);

    // Tier change from the console.
    await page.goto(`/admin?tab=accounts&q=${encodeURIComponent(`@${owner.username}`)}`);
    await expect(page.getByRole("listitem").filter({ hasText: `@${owner.username}` })).toContainText("(personal, 1 App, id");
    await page.getByLabel(`Tier of @${owner.username}`).selectOption("elevated");
    await expect(page.getByText("Tier changed.")).toBeVisible();
    await ownerPage.goto("/dashboard");
    await expect(ownerPage.getByText("Elevated", { exact: true })).toBeVisible();
    await ownerCtx.close();
  });
});

import { Accounts, expect, test } from "./fixtures";
import { developerOf, seedAppFor, seedTeam } from "./support/seed";
import { createProject } from "@/lib/domain/projects";

test.describe("dashboard says what is true", () => {
  test("Standalone Apps counts Standalone Apps; the Apps-in-all figure is said as such", async ({ page, accounts }) => {
    const me = await accounts.developer("count");
    await seedAppFor(me.username, `Count ${me.username.slice(-6)}`, { project: "Counted" });
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Standalone Apps (0)" })).toBeVisible();
    await expect(page.getByText("No Standalone Apps.")).toBeVisible();
    await expect(page.getByText("Apps in all, in Projects and standalone: 1 of 10.")).toBeVisible();
  });

  test("a personal Project's new-App link while switched to a team says whose it is and switches there", async ({ page, accounts, shots }) => {
    test.setTimeout(120_000); // shots: four screenshots and axe runs per state
    const me = await accounts.developer("where");
    const { db, actor, account } = await developerOf(me.username);
    const projectId = createProject(db, actor, { accountId: account.id, name: "Personal one", description: "Room for one App", useCase: "making-a-bot" }).id;
    await seedTeam(me.username, `Where team ${me.username.slice(-4)}`);
    await page.goto("/dashboard");
    await page.getByLabel("Developer account").selectOption({ label: `Team: Where team ${me.username.slice(-4)}` });
    await expect(page.getByRole("heading", { name: "No Projects yet" })).toBeVisible();

    await page.goto(`/apps/new?projectId=${projectId}`);
    await expect(page.getByRole("heading", { level: 1, name: "New App in Personal one" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "New standalone App" })).toHaveCount(0);
    await expect(page.getByText(`Personal one belongs to @${me.username}`)).toBeVisible();
    await shots("new-app-other-account");
    await page.getByRole("button", { name: `Switch to @${me.username}` }).click();
    await expect(page).toHaveURL(new RegExp(`/apps/new\\?projectId=${projectId}$`));
    await expect(page.getByRole("button", { name: "Create App" })).toBeVisible();

    const missing = await page.goto("/apps/new?projectId=99999999999");
    expect(missing?.status()).toBe(404);
  });

  test("a team developer is told what the role can do, and gets no link that leads to 'You must be an admin'", async ({ page, accounts, browser, shots }) => {
    test.setTimeout(120_000); // shots: four screenshots and axe runs per state
    const adminCtx = await browser.newContext();
    const admin = await new Accounts(await adminCtx.newPage()).developer("radm");
    await adminCtx.close();
    const dev = await accounts.developer("rdev");
    const team = await seedTeam(admin.username, `Roles ${admin.username.slice(-4)}`, [{ username: dev.username, role: "developer" }]);
    createProject(team.db, team.actor, { accountId: team.id, name: "Empty project", description: "", useCase: "exploring-the-api" });

    await page.goto("/dashboard");
    await page.getByLabel("Developer account").selectOption({ label: `Team: Roles ${admin.username.slice(-4)}` });
    await expect(page.getByRole("note")).toContainText("You are a developer in");
    await expect(page.getByRole("note")).toContainText("Team admins create and delete Projects and Apps.");
    await expect(page.getByText("No Apps yet. Team admins add Apps to Projects.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Add an App to this Project" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "New Project" })).toBeDisabled();
    await shots("team-developer-role");
  });
});

import { desc } from "drizzle-orm";
import { outbox } from "@/db/schema";
import { Accounts, expect, test } from "./fixtures";
import { e2eDb } from "./support/db";

test.describe("team invitations, team names, e-mail", () => {
  test("pending invitations: the invitee sees them on the dashboard and in the header; admins list, resend and cancel them", async ({ page, accounts, browser, shots }) => {
    test.setTimeout(120_000); // shots: four screenshots and axe runs per state
    const admin = await accounts.developer("iadm");
    const memberCtx = await browser.newContext();
    const memberPage = await memberCtx.newPage();
    const member = await new Accounts(memberPage).developer("imem");
    const team = `Invites ${admin.username.slice(-5)}`;

    await page.goto("/teams");
    await page.getByLabel("Team name").fill(team);
    await page.getByRole("button", { name: "Create team" }).click();
    await page.getByRole("link", { name: team }).click();
    const pending = page.getByRole("region", { name: "Pending invitations" });
    await expect(pending.getByText("No invitations are waiting for an answer.")).toBeVisible();
    await page.getByLabel("Username", { exact: true }).fill(member.username);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to @${member.username}`)).toBeVisible();
    await expect(pending.getByRole("listitem")).toContainText(`@${member.username} — as a developer`);
    await expect(pending.getByRole("listitem")).toContainText(`Invited by @${admin.username}`);

    // Resend: refused within a minute of the last e-mail, then sent again.
    await pending.getByRole("button", { name: `Resend the invitation to @${member.username}` }).click();
    await expect(pending.getByText(`The invitation to @${member.username} was sent less than a minute ago`)).toBeVisible();
    (await e2eDb()).update(outbox).set({ createdAt: 0 }).run();
    await pending.getByRole("button", { name: `Resend the invitation to @${member.username}` }).click();
    await expect(pending.getByText(`Invitation sent to @${member.username} again`)).toBeVisible();
    const mails = (await e2eDb()).select().from(outbox).orderBy(desc(outbox.id)).limit(2).all();
    expect(mails.map((m) => [m.toEmail, m.subject])).toEqual([
      [member.email, `You're invited to join ${team}`],
      [member.email, `You're invited to join ${team}`],
    ]);
    await shots("team-pending-invitations");

    // The invitee: on the dashboard and in the header.
    await memberPage.goto("/dashboard");
    const card = memberPage.getByRole("region", { name: "You are invited to join a team" });
    await expect(card).toContainText(`Join ${team} as a developer`);
    await expect(card).toContainText(`Invited by @${admin.username}`);
    await expect(memberPage.getByRole("link", { name: "1 team invitation waiting for your answer" })).toBeVisible();
    await shots("dashboard-invitation", memberPage);

    // Cancelled by the admin: gone for the invitee.
    page.once("dialog", (d) => void d.accept());
    await pending.getByRole("button", { name: `Cancel the invitation to @${member.username}` }).click();
    await expect(pending.getByText("No invitations are waiting for an answer.")).toBeVisible();
    await memberPage.reload();
    await expect(card).toHaveCount(0);
    await expect(memberPage.getByRole("link", { name: /team invitation/ })).toHaveCount(0);

    // Invited again, accepted from the dashboard: the team is in the switcher.
    await page.getByLabel("Username", { exact: true }).fill(member.username);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await memberPage.reload();
    await memberPage.getByRole("link", { name: "1 team invitation waiting for your answer" }).click();
    await expect(memberPage).toHaveURL(/\/teams#invitations$/);
    await memberPage.goto("/dashboard");
    await card.getByRole("button", { name: `Accept the invitation to ${team}` }).click();
    await expect(card).toHaveCount(0);
    await expect(memberPage.getByLabel("Developer account").locator("option", { hasText: `Team: ${team}` })).toHaveCount(1);
    await memberCtx.close();
  });

  test("one person cannot have two teams of the same name", async ({ page, accounts }) => {
    const me = await accounts.developer("dupt");
    const name = `Same ${me.username.slice(-5)}`;
    await page.goto("/teams");
    await page.getByLabel("Team name").fill(name);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText(`Team ${name} created`)).toBeVisible();
    await page.getByLabel("Team name").fill(name.toUpperCase());
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByText(`You are already in a team called ${name.toUpperCase()}. Choose another name.`)).toBeVisible();
    await expect(page.getByLabel("Team name")).toBeFocused();
    await page.reload();
    await expect(page.getByRole("link", { name, exact: true })).toHaveCount(1);
  });

  test("change e-mail with the password; the old address is told; sign-in by the new one", async ({ page, accounts, shots }) => {
    test.setTimeout(120_000); // shots: four screenshots and axe runs per state
    const me = await accounts.developer("mail");
    const next = `new_${me.email}`;
    await page.goto("/settings/account");
    const section = page.getByRole("region", { name: "Change e-mail" });
    await section.getByLabel("New e-mail address").fill(next);
    await section.getByLabel("Your password").fill("not my password");
    await section.getByRole("button", { name: "Change e-mail" }).click();
    await expect(section.getByText("That is not your current password")).toBeVisible();
    await expect(section.getByLabel("Your password")).toBeFocused();
    await section.getByLabel("Your password").fill(me.password);
    await section.getByRole("button", { name: "Change e-mail" }).click();
    await expect(section.getByText(`Your e-mail address is now ${next}. We told your previous address.`)).toBeVisible();
    await expect(page.getByRole("region", { name: "Your account" })).toContainText(next);
    await shots("account-email-changed");
    const told = (await e2eDb()).select().from(outbox).orderBy(desc(outbox.id)).limit(2).all();
    expect(told.map((m) => [m.toEmail, m.subject])).toEqual([
      [next, "This is now your e-mail address"],
      [me.email, "Your e-mail address was changed"],
    ]);
    await accounts.signOut();
    await accounts.signIn(next, me.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

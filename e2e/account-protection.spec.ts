import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { OAuth } from "oauth";
import { eq } from "drizzle-orm";
import { e2eDb } from "./support/db";
import { apiSignIn } from "./support/sign-in-api";
import { expect, newAccount, test } from "./fixtures";
import { apps } from "@/db/schema";
import { seedDeveloper, SEED_PASSWORD, type SeededDeveloper } from "@/db/test-seed";
import { createApp } from "@/lib/domain/apps";
import { createProject } from "@/lib/domain/projects";
import { answerInvitation, createTeam, inviteMember, listInvitations } from "@/lib/domain/teams";

/**
 * Issue 15's findings about accounts, reproduced against the real server through its pages and
 * HTTP endpoints: a team admin acting as another member (1), the password oracle (2), lockout per
 * spelling (5), unlimited wrong current passwords (6), weak passwords (7), data file modes (9).
 */
const BASE = `http://127.0.0.1:${process.env.E2E_PORT}`;

async function seed(prefix: string): Promise<SeededDeveloper> {
  return seedDeveloper(await e2eDb(), newAccount(prefix).username);
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByLabel("Username or e-mail").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(SEED_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/** OAuth 1.0a user-context calls with the `oauth` package (passport-twitter's client). */
function oauth1(consumer: { key: string; secret: string }, token: string, secret: string) {
  const c = new OAuth(`${BASE}/oauth/request_token`, `${BASE}/oauth/access_token`, consumer.key, consumer.secret, "1.0A", null, "HMAC-SHA1");
  type Answer = { ok: boolean; status?: number; body: Record<string, unknown> };
  // The package reports the status of failures only; any 2xx is a success.
  const done = (resolve: (v: Answer) => void) => (err: unknown, data: unknown) =>
    resolve(err ? { ok: false, status: (err as { statusCode: number }).statusCode, body: JSON.parse(String((err as { data: unknown }).data)) } : { ok: true, body: JSON.parse(String(data)) });
  return {
    get: (p: string) => new Promise<Answer>((resolve) => c.get(`${BASE}${p}`, token, secret, done(resolve))),
    post: (p: string, json: unknown) => new Promise<Answer>((resolve) => c.post(`${BASE}${p}`, token, secret, JSON.stringify(json), "application/json", done(resolve))),
  };
}

test.describe("issue 15: accounts", () => {
  test("a team admin's Generate on a team App gives a token for the team's own account, never the App creator's", async ({ browser }) => {
    const db = await e2eDb();
    const alice = await seed("tal");
    const carol = await seed("tca");
    const team = createTeam(db, alice.actor, { name: `Crew ${alice.user.username.slice(-6)}` });
    inviteMember(db, alice.actor, { accountId: team.id, username: carol.user.username, role: "admin" });
    answerInvitation(db, carol.actor, listInvitations(db, carol.actor)[0]!.id, true);
    const project = createProject(db, carol.actor, { accountId: team.id, name: "Crew project", description: "Bots the team runs together.", useCase: "making-a-bot" });
    const { app, secrets } = createApp(db, carol.actor, team.id, { name: `Crew bot ${carol.user.username.slice(-6)}`, environment: "development", projectId: project.id });
    db.update(apps).set({ oauth1Enabled: true, permission: "read-write-directmessages", callbackUrls: ["https://crew.example.com/cb"] }).where(eq(apps.id, app.id)).run();

    // Alice, an admin, presses Generate on the App Carol created.
    const page = await signedIn(browser, alice.user.username);
    await page.goto(`/apps/${app.id}/keys`);
    await page.getByRole("group", { name: "Access Token and Secret" }).getByRole("button", { name: "Generate Access Token and Secret", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: /^Access Token and Secret for @/ });
    await expect(dialog).toBeVisible();
    const title = (await dialog.getByRole("heading").first().textContent())!;
    const token = (await dialog.getByTestId("secret-ACCESS_TOKEN").textContent())!;
    const secret = (await dialog.getByTestId("secret-ACCESS_TOKEN_SECRET").textContent())!;
    expect(title).not.toContain(carol.user.username);

    const api = oauth1({ key: secrets.apiKey, secret: secrets.apiKeySecret }, token, secret);
    const me = await api.get("/2/users/me");
    expect(me.ok).toBe(true);
    const acting = (me.body.data as { id: string; username: string });
    expect(acting.username, "the token acts for the team's account").not.toBe(carol.user.username);
    expect([alice.user.id, carol.user.id]).not.toContain(acting.id);
    expect(title).toContain(`@${acting.username}`);
    // It Tweets as the team, and reads the team's DMs (none), not Carol's.
    const tweet = await api.post("/2/tweets", { text: "Hello from the team" });
    expect(tweet.ok).toBe(true);
    expect((await api.get(`/2/tweets/${(tweet.body.data as { id: string }).id}?tweet.fields=author_id`)).body).toMatchObject({ data: { author_id: acting.id } });

    // Listed in the team account's Connected apps, on the team's page for its admins; not in Carol's.
    await page.goto(`/teams/${team.id}`);
    await expect(page.getByRole("heading", { name: "Team account" })).toBeVisible();
    await expect(page.getByText(`@${acting.username}`).first()).toBeVisible();
    await expect(page.getByRole("list", { name: "Connected apps" }).getByRole("heading", { name: app.name })).toBeVisible();
    const carolPage = await signedIn(browser, carol.user.username);
    await carolPage.goto("/settings/connected-apps");
    await expect(carolPage.getByText("No connected apps")).toBeVisible();

    // An admin revokes it there: it stops at once.
    await page.getByRole("button", { name: `Revoke access for ${app.name}` }).click();
    await page.getByRole("dialog", { name: `Revoke access for ${app.name}?` }).getByRole("button", { name: "Revoke access" }).click();
    await expect(page.getByText(`Access revoked. ${app.name} can no longer use the team's account.`)).toBeVisible();
    expect(await api.get("/2/users/me")).toMatchObject({ ok: false, status: 401 });
  });

  test("failed sign-ins count per account, however it is spelled: user, @USER and the e-mail share 10", async ({ request }) => {
    const victim = await seed("spl");
    const spellings = [victim.user.username, `@${victim.user.username.toUpperCase()}`, victim.user.email.toUpperCase()];
    for (let i = 0; i < 10; i++) expect(await apiSignIn(request, spellings[i % 3]!, `wrong guess ${i}`)).toBe("Wrong username, e-mail or password.");
    expect(await apiSignIn(request, victim.user.username, SEED_PASSWORD)).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
  });

  test("Automation's managing-account check is no password oracle: guesses from fresh accounts count against the target", async ({ browser, request }) => {
    const victim = await seed("orc");
    let guesses = 0;
    const tryPassword = async (page: Page, password: string) => {
      await page.getByLabel("Managing account", { exact: true }).fill(`@${victim.user.username}`);
      await page.getByLabel("Managing account's password").fill(password);
      await page.getByRole("button", { name: "Apply label" }).click();
    };
    // Three fresh accounts, four guesses each: the target's limit (10) is reached on the way.
    for (let b = 0; b < 3; b++) {
      const bot = await seed(`bot${b}`);
      const page = await signedIn(browser, bot.user.username);
      await page.goto("/settings/account");
      for (let i = 0; i < 4 && guesses < 10; i++, guesses++) {
        await tryPassword(page, `guess number ${guesses}`);
        await expect(page.getByText("That is not the managing account's password")).toBeVisible();
        await page.reload();
      }
      if (guesses === 10) {
        await tryPassword(page, SEED_PASSWORD);
        await expect(page.getByText(/Too many wrong passwords\. Try again in \d+ minutes?\./)).toBeVisible();
        await expect(page.getByText(`Automated by @${victim.user.username}`)).toHaveCount(0);
      }
    }
    // The same account is locked for sign-in too: one limiter.
    expect(await apiSignIn(request, victim.user.username, SEED_PASSWORD)).toMatch(/^Too many sign-in attempts/);
  });

  test("wrong current passwords of a password change are limited", async ({ browser }) => {
    const user = await seed("cpw");
    const page = await signedIn(browser, user.user.username);
    await page.goto("/settings/account");
    const change = async (current: string) => {
      await page.getByLabel("Current password").fill(current);
      await page.getByLabel("New password", { exact: true }).fill("a brand new password");
      await page.getByLabel("Confirm new password").fill("a brand new password");
      await page.getByRole("button", { name: "Change password" }).click();
    };
    for (let i = 0; i < 10; i++) {
      await change(`not it ${i}`);
      await expect(page.getByText("That is not your current password")).toBeVisible();
      await page.reload();
    }
    await change(SEED_PASSWORD);
    await expect(page.getByText(/Too many wrong passwords\. Try again in \d+ minutes?\./)).toBeVisible();
  });

  test("sign-up refuses common and guessable passwords with a field error that says why", async ({ page, accounts }) => {
    for (const [password, why] of [
      ["password", "This is a heavily used password."],
      ["aaaaaaaa", 'Repeated characters like "aaa" are easy to guess.'],
    ] as const) {
      const account = { ...newAccount("weak"), password };
      await accounts.signUp(account);
      const field = page.getByLabel("Password", { exact: true });
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(page.getByText(`This password is too easy to guess. ${why}`, { exact: false })).toBeVisible();
      await expect(page).toHaveURL(/\/signup/);
    }
  });

  test("the data folder is 0700 and the database, -wal and -shm are 0600", async () => {
    const dir = process.env.E2E_DATA_DIR!;
    const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
    expect(mode(dir)).toBe("700");
    for (const f of ["devportal.sqlite", "devportal.sqlite-wal", "devportal.sqlite-shm", "secrets.json"]) expect([f, mode(path.join(dir, f))]).toEqual([f, "600"]);
  });
});

import type { Page } from "@playwright/test";
import { recordOAuth1Authorization } from "@/lib/domain/oauth1/authorizations";
import { makeOperator } from "@/lib/domain/operator";
import { createProject } from "@/lib/domain/projects";
import type { Accounts } from "../fixtures";
import { developerOf, seedAppFor, seedTeam } from "./seed";

/** `text` made `n` characters long without a space (names that cannot wrap at a space). */
export const unbroken = (text: string, n: number) => text.replace(/\W/g, "").padEnd(n, "W").slice(0, n);

/**
 * A signed-in operator in a team (the header switcher shows), with the longest names the portal
 * allows and no spaces in them: a 32-character App, a 64-character Project, a 50-character team,
 * an App authorized on Connected apps. Returns the portal's pages to visit.
 */
export async function seedEveryPage(accounts: Accounts) {
  const me = await accounts.developer("wide");
  const { db, actor, account, user } = await developerOf(me.username);
  makeOperator(db, me.username);
  const project = createProject(db, actor, { accountId: account.id, name: unbroken(`Project${me.username}`, 64), description: unbroken("Description", 120), useCase: "making-a-bot" });
  const { app } = await seedAppFor(me.username, unbroken(`App${me.username}`, 32));
  const inProject = await seedAppFor(me.username, unbroken(`Pro${me.username}`, 32));
  db.$client.prepare("update apps set project_id = ? where id = ?").run(project.id, inProject.app.id);
  const team = await seedTeam(me.username, unbroken(`Team${me.username}`, 50));
  recordOAuth1Authorization(db, app.id, user.id, "read-write-directmessages");
  const pages: Array<[string, string]> = [
    ["dashboard", "/dashboard"],
    ["projects", "/projects"],
    ["project", `/projects/${project.id}`],
    ["new-project", "/projects/new"],
    ["new-app", `/apps/new`],
    ["app-details", `/apps/${app.id}`],
    ["keys", `/apps/${app.id}/keys`],
    ["auth-settings", `/apps/${app.id}/auth-settings`],
    ["teams", "/teams"],
    ["team", `/teams/${team.id}`],
    ["account", "/settings/account"],
    ["connected-apps", "/settings/connected-apps"],
    ["admin-apps", "/admin?tab=apps"],
    ["admin-accounts", "/admin?tab=accounts"],
    ["admin-outbox", "/admin?tab=outbox"],
    ["profile", `/u/${me.username}`],
    ["not-found", "/no-such-page"],
    ["app-not-found", "/apps/99999999999"],
    ["agreement", "/developer-agreement"],
  ];
  return { me, app, project, team, pages };
}

/** Elements that stick out past the right edge of the viewport (what makes a page scroll sideways). */
export async function sideways(page: Page): Promise<{ width: number; offenders: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 0.5) continue;
      // Report the innermost offenders only, and not what a scrolling box clips.
      if (Array.from(el.children).some((c) => (c as HTMLElement).getBoundingClientRect().right > vw + 0.5)) continue;
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") clipped = p.getBoundingClientRect().right <= vw + 0.5 || clipped;
      }
      if (clipped) continue;
      const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).split(" ").slice(0, 3).join(".")} "${(el.textContent ?? "").trim().slice(0, 30)}" right=${Math.round(r.right)}`;
      offenders.push(label);
    }
    return { width: document.documentElement.scrollWidth, offenders: offenders.slice(0, 8) };
  });
}

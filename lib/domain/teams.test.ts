import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, SEED_PASSWORD, type SeededDeveloper } from "@/db/test-seed";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { createUser } from "./users";
import { createApp } from "./apps";
import { loadAppFor } from "./access";
import { answerInvitation, changeRole, createTeam, inviteMember, listInvitations, listMembers, removeMember } from "./teams";
import { getAutomation, removeManagingAccount, setManagingAccount } from "./automation";
import { accountOverview } from "./overview";
import { PASSWORD_FAILURES_PER_ACCOUNT } from "./rate-limits";

let db: Db;
let admin: SeededDeveloper;
let dev: SeededDeveloper;
let teamId: string;

async function join(user: SeededDeveloper, role: "admin" | "developer") {
  inviteMember(db, admin.actor, { accountId: teamId, username: user.user.username, role });
  const [inv] = listInvitations(db, user.actor);
  answerInvitation(db, user.actor, inv!.id, true);
}

beforeEach(async () => {
  db = createTestDb();
  admin = await seedDeveloper(db, "boss");
  dev = await seedDeveloper(db, "coder");
  teamId = createTeam(db, admin.actor, { name: "Acme" }).id;
});

describe("team membership", () => {
  it("invite → e-mail → accept makes a member with the invited role", async () => {
    inviteMember(db, admin.actor, { accountId: teamId, username: "@Coder", role: "developer" });
    expect(db.select().from(outbox).all().map((m) => m.subject)).toEqual(["You're invited to join Acme"]);
    const [inv] = listInvitations(db, dev.actor);
    answerInvitation(db, dev.actor, inv!.id, true);
    expect(listMembers(db, admin.actor, teamId).map((m) => [m.username, m.role])).toEqual([["boss", "admin"], ["coder", "developer"]]);
  });

  it("refuses unknown users, existing members and repeated invitations as field errors", async () => {
    expect(() => inviteMember(db, admin.actor, { accountId: teamId, username: "ghost", role: "developer" })).toThrow("No account is called @ghost");
    await join(dev, "developer");
    expect(() => inviteMember(db, admin.actor, { accountId: teamId, username: "coder", role: "admin" })).toThrow("already a member");
    await createUser(db, { username: "third", name: "t", email: "t@example.com", password: SEED_PASSWORD });
    inviteMember(db, admin.actor, { accountId: teamId, username: "third", role: "developer" });
    expect(() => inviteMember(db, admin.actor, { accountId: teamId, username: "third", role: "developer" })).toThrow("already been invited");
  });

  it("only admins invite, change roles or remove others", async () => {
    await join(dev, "developer");
    expect(() => inviteMember(db, dev.actor, { accountId: teamId, username: "boss", role: "admin" })).toThrow("You must be an admin to invite members");
    expect(() => changeRole(db, dev.actor, { accountId: teamId, userId: dev.user.id, role: "admin" })).toThrow("You must be an admin");
    expect(() => removeMember(db, dev.actor, { accountId: teamId, userId: admin.user.id })).toThrow("You must be an admin");
  });

  it("the last admin cannot be demoted, removed or leave; after a second admin they can", async () => {
    expect(() => changeRole(db, admin.actor, { accountId: teamId, userId: admin.user.id, role: "developer" })).toThrow("at least one admin");
    expect(() => removeMember(db, admin.actor, { accountId: teamId, userId: admin.user.id })).toThrow("last admin");
    await join(dev, "developer");
    changeRole(db, admin.actor, { accountId: teamId, userId: dev.user.id, role: "admin" });
    removeMember(db, admin.actor, { accountId: teamId, userId: admin.user.id });
    expect(listMembers(db, dev.actor, teamId).map((m) => m.username)).toEqual(["coder"]);
  });

  it("outsiders get not found", async () => {
    expect(() => listMembers(db, dev.actor, teamId)).toThrow("not found");
    expect(() => inviteMember(db, dev.actor, { accountId: teamId, username: "coder", role: "admin" })).toThrow("not found");
  });
});

describe("team Apps", () => {
  it("developers cannot create Apps; they see team Apps but manage only their own", async () => {
    await join(dev, "developer");
    expect(() => createApp(db, dev.actor, teamId, { name: "Nope", environment: "development" })).toThrow("You must be an admin to create an App");
    const adminsApp = createApp(db, admin.actor, teamId, { name: "Team App", environment: "development" }).app;
    expect(loadAppFor(db, dev.actor, adminsApp.id, "view").canManage).toBe(false);
    expect(() => loadAppFor(db, dev.actor, adminsApp.id, "manage")).toThrow("Only the App's owner or a team admin");
    const overview = accountOverview(db, dev.actor, teamId);
    expect(overview.standalone.items.map((a) => [a.name, a.ownerUsername, a.canManage])).toEqual([["Team App", "boss", false]]);
    // An App the developer owns (made by an admin, then handed over) is theirs to manage.
    changeRole(db, admin.actor, { accountId: teamId, userId: dev.user.id, role: "admin" });
    const devsApp = createApp(db, dev.actor, teamId, { name: "Dev App", environment: "development" }).app;
    changeRole(db, admin.actor, { accountId: teamId, userId: dev.user.id, role: "developer" });
    expect(loadAppFor(db, dev.actor, devsApp.id, "manage").canManage).toBe(true);
    expect(() => loadAppFor(db, dev.actor, devsApp.id, "admin")).toThrow("You must be an admin");
  });
});

describe("automated-account label", () => {
  it("needs the managing account's password, then shows who runs the bot; removal works the same way", async () => {
    await expect(setManagingAccount(db, dev.actor, { managerUsername: "boss", managerPassword: "wrong one" })).rejects.toThrow("That is not the managing account's password");
    expect(getAutomation(db, dev.actor)).toBeNull();
    await setManagingAccount(db, dev.actor, { managerUsername: "@BOSS", managerPassword: SEED_PASSWORD });
    expect(getAutomation(db, dev.actor)).toEqual({ managerUsername: "boss" });
    await expect(removeManagingAccount(db, dev.actor, { managerPassword: "nope nope" })).rejects.toThrow("not the managing account's password");
    await removeManagingAccount(db, dev.actor, { managerPassword: SEED_PASSWORD });
    expect(getAutomation(db, dev.actor)).toBeNull();
  });

  it("refuses itself and unknown accounts, and rate limits wrong passwords", async () => {
    await expect(setManagingAccount(db, dev.actor, { managerUsername: "coder", managerPassword: SEED_PASSWORD })).rejects.toThrow("cannot manage itself");
    await expect(setManagingAccount(db, dev.actor, { managerUsername: "ghost", managerPassword: SEED_PASSWORD })).rejects.toThrow("No account is called @ghost");
    for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT; i++) {
      await expect(setManagingAccount(db, dev.actor, { managerUsername: "boss", managerPassword: `wrong ${i}` })).rejects.toThrow("not the managing");
    }
    await expect(setManagingAccount(db, dev.actor, { managerUsername: "boss", managerPassword: SEED_PASSWORD })).rejects.toThrow(/Too many wrong passwords. Try again in \d+ minutes?/);
  });
});

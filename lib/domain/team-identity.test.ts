import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { apps, authorizations, developerAccounts, memberships, oauth1Tokens, users } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, SEED_PASSWORD, type SeededDeveloper } from "@/db/test-seed";
import { createApp } from "./apps";
import { listConnectedApps } from "./connected-apps";
import type { DomainError } from "./errors";
import { generateOwnerAccessToken } from "./keys";
import { repairOwnerTokens } from "./owner-token-repair";
import { signIn } from "./password-checks";
import { listTeamConnectedApps, revokeTeamConnectedApp } from "./team-connected-apps";
import { teamIdentity } from "./team-identity";
import { createTeam, inviteMember } from "./teams";
import { findOAuth1AccessToken, issueOAuth1AccessToken } from "./user-tokens";

let db: Db;
let admin: SeededDeveloper;
let dev: SeededDeveloper;
let outsider: SeededDeveloper;
let team: { id: string };
let appId: string;

const error = async (p: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    return e as DomainError;
  }
  throw new Error("expected a DomainError");
};

beforeEach(async () => {
  db = createTestDb();
  admin = await seedDeveloper(db, "carla");
  dev = await seedDeveloper(db, "dora");
  outsider = await seedDeveloper(db, "olga");
  team = createTeam(db, admin.actor, { name: "Carla's Crew!" });
  db.insert(memberships).values({ accountId: team.id, userId: dev.user.id, role: "developer" }).run();
  appId = createApp(db, admin.actor, team.id, { name: "Crew App", environment: "development" }).app.id;
  db.update(apps).set({ oauth1Enabled: true, permission: "read-write-directmessages" }).where(eq(apps.id, appId)).run();
});

describe("a team's own account", () => {
  it("is made with the team, with a handle of its own (a number added when taken), and nobody can sign in to it", async () => {
    const identity = teamIdentity(db, team.id)!;
    expect(identity).toMatchObject({ username: "carla_s_crew", name: "Carla's Crew!" });
    const second = createTeam(db, admin.actor, { name: "Carla's Crew" });
    expect(teamIdentity(db, second.id)!.username).toBe("carla_s_crew2");
    for (const password of ["", SEED_PASSWORD, "!team-account"]) expect(await signIn(db, identity.username, password, "192.0.2.1")).toBeNull();
  });

  it("cannot be invited into a team", async () => {
    const other = createTeam(db, outsider.actor, { name: "Other" });
    const err = await error(() => inviteMember(db, outsider.actor, { accountId: other.id, username: teamIdentity(db, team.id)!.username, role: "developer" }));
    expect(err.fieldErrors?.username?.[0]).toMatch(/is a team's account/);
  });
});

describe("the team account's Connected apps", () => {
  it("lists the owner tokens of team Apps to admins only: developers are told no, outsiders that it does not exist", async () => {
    generateOwnerAccessToken(db, admin.actor, { appId });
    expect(listTeamConnectedApps(db, admin.actor, team.id).apps.map((c) => [c.app.id, c.oauth1AccessLevel])).toEqual([[appId, "read-write-directmessages"]]);
    expect((await error(() => listTeamConnectedApps(db, dev.actor, team.id))).code).toBe("forbidden");
    expect((await error(() => listTeamConnectedApps(db, outsider.actor, team.id))).code).toBe("not_found");
    expect(listConnectedApps(db, admin.actor)).toEqual([]);
  });

  it("Revoke access by an admin ends the token at once and is audited; others cannot", async () => {
    const { accessToken } = generateOwnerAccessToken(db, admin.actor, { appId });
    expect((await error(() => revokeTeamConnectedApp(db, dev.actor, { accountId: team.id, appId }))).code).toBe("forbidden");
    expect((await error(() => revokeTeamConnectedApp(db, outsider.actor, { accountId: team.id, appId }))).code).toBe("not_found");
    expect(findOAuth1AccessToken(db, accessToken)).not.toBeNull();
    expect(revokeTeamConnectedApp(db, admin.actor, { accountId: team.id, appId })).toEqual({ appName: "Crew App" });
    expect(findOAuth1AccessToken(db, accessToken)).toBeNull();
    expect(listTeamConnectedApps(db, admin.actor, team.id).apps).toEqual([]);
    expect((await error(() => revokeTeamConnectedApp(db, admin.actor, { accountId: team.id, appId }))).code).toBe("not_found");
  });
});

describe("repairOwnerTokens (at start)", () => {
  it("gives old teams an account, deletes owner tokens of team Apps that act for a member, lists the rest in Connected apps", async () => {
    // As the code before this change left it: a team without an account, an admin's Generate
    // that issued a token for the App creator's personal account, and an unlisted personal token.
    const made = teamIdentity(db, team.id)!.userId;
    db.update(developerAccounts).set({ identityUserId: null }).where(eq(developerAccounts.id, team.id)).run();
    db.delete(users).where(eq(users.id, made)).run();
    const stolen = issueOAuth1AccessToken(db, { appId, userId: admin.user.id, accessLevel: "read-write-directmessages", source: "portal" });
    const mine = createApp(db, outsider.actor, outsider.account.id, { name: "Olga App", environment: "development" }).app.id;
    const personal = issueOAuth1AccessToken(db, { appId: mine, userId: outsider.user.id, accessLevel: "read", source: "portal" });
    const before = db.select().from(users).all().length;

    expect(repairOwnerTokens(db)).toEqual({ teams: 1, revoked: 1, listed: 1 });
    expect(findOAuth1AccessToken(db, stolen.token)).toBeNull();
    expect(findOAuth1AccessToken(db, personal.token)).not.toBeNull();
    expect(teamIdentity(db, team.id)).not.toBeNull();
    expect(db.select().from(users).all()).toHaveLength(before + 1);
    expect(listConnectedApps(db, outsider.actor).map((c) => c.app.id)).toEqual([mine]);
    // The team's own token survives; a second run changes nothing.
    const { accessToken } = generateOwnerAccessToken(db, admin.actor, { appId });
    expect(repairOwnerTokens(db)).toEqual({ teams: 0, revoked: 0, listed: 0 });
    expect(findOAuth1AccessToken(db, accessToken)).not.toBeNull();
    expect(db.select().from(oauth1Tokens).all()).toHaveLength(2);
    expect(db.select().from(authorizations).all()).toHaveLength(2);
  });
});

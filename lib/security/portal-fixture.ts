import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { apps, developerAccounts, outbox, teamInvitations } from "@/db/schema";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, SEED_PASSWORD, type SeededDeveloper } from "@/db/test-seed";
import { issueClientSecret } from "@/lib/domain/app-credentials";
import { setAppIcon } from "@/lib/domain/app-icons";
import { createApp } from "@/lib/domain/apps";
import { regenerateApiKey } from "@/lib/domain/keys";
import { recordOAuth1Authorization } from "@/lib/domain/oauth1/authorizations";
import { createRequestToken } from "@/lib/domain/oauth1/request-tokens";
import { appDetailsVersion } from "@/lib/domain/app-details";
import { authSettingsVersion } from "@/lib/domain/auth-settings";
import { createProject, projectVersion } from "@/lib/domain/projects";
import { createSession } from "@/lib/domain/sessions";
import { answerInvitation, changeRole, createTeam, inviteMember } from "@/lib/domain/teams";
import { freeze } from "./db-snapshot";

/** The six callers every portal entry point is tried as. */
export const IDENTITIES = ["signedOut", "stranger", "developer", "admin", "owner", "operator"] as const;
export type Identity = (typeof IDENTITIES)[number];
export type SignedIn = Exclude<Identity, "signedOut">;

export const CALLBACK = "https://good.example.com/callback";

export interface Person extends SeededDeveloper {
  sessionId: string;
}

/**
 * A team ("Matrix team", Enterprise tier) with an admin, a developer member, and the owner of its
 * App (a developer member who created the App while admin, then was made a developer); a stranger
 * with a personal account of their own; and the operator (the first user), who belongs to no team.
 */
export interface PortalFixture {
  people: Record<SignedIn, Person>;
  outsider: Person;
  teamId: string;
  projectId: string;
  appId: string;
  appName: string;
  standaloneAppId: string;
  requestToken: string;
  /** An invitation of the owner to another team. */
  invitationId: number;
  /** A pending invitation to the team (of a user not in it), sent long enough ago to be resent. */
  teamInvitationId: number;
  /** A small valid PNG, for icon uploads. */
  iconPng: Buffer;
  /** The versions the edit forms are opened with (lib/domain/versions.ts). */
  versions: { appDetails: string; authSettings: string; project: string };
  fork: () => Db;
}

export async function buildPortalFixture(): Promise<PortalFixture> {
  const db = createTestDb();
  const person = async (username: string): Promise<Person> => {
    const dev = await seedDeveloper(db, username);
    return { ...dev, sessionId: createSession(db, dev.user.id) };
  };
  const operator = await person("mxoperator");
  if (!operator.user.isOperator) throw new Error("the first user should be the operator");
  const admin = await person("mxadmin");
  const owner = await person("mxowner");
  const developer = await person("mxdeveloper");
  const stranger = await person("mxstranger");
  const outsider = await person("mxoutsider");

  const team = createTeam(db, admin.actor, { name: "Matrix team" });
  db.update(developerAccounts).set({ tier: "enterprise" }).where(eq(developerAccounts.id, team.id)).run();
  const join = (p: Person, role: "admin" | "developer") => {
    inviteMember(db, admin.actor, { accountId: team.id, username: p.user.username, role });
    const inv = db.select().from(teamInvitations).where(eq(teamInvitations.userId, p.user.id)).get()!;
    answerInvitation(db, p.actor, inv.id, true);
  };
  join(owner, "admin");
  join(developer, "developer");
  const project = createProject(db, owner.actor, { accountId: team.id, name: "Matrix project", description: "", useCase: "exploring-the-api" });
  const { app } = createApp(db, owner.actor, team.id, { name: "Matrix app", environment: "development", projectId: project.id });
  const standalone = createApp(db, admin.actor, team.id, { name: "Matrix standalone", environment: "development" }).app;
  changeRole(db, admin.actor, { accountId: team.id, userId: owner.user.id, role: "developer" });

  db.update(apps)
    .set({
      oauth1Enabled: true,
      oauth2Enabled: true,
      appType: "web",
      permission: "read-write",
      callbackUrls: [CALLBACK],
      websiteUrl: "https://good.example.com/",
    })
    .where(eq(apps.id, app.id))
    .run();
  issueClientSecret(db, app.id);
  regenerateApiKey(db, admin.actor, { appId: app.id, grace: "1h" });
  const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: "#1d9bf0" } }).png().toBuffer();
  await setAppIcon(db, owner.actor, app.id, png);
  const requestToken = createRequestToken(db, { appId: app.id, callback: CALLBACK, accessLevel: "read-write" }).token;

  const people = { stranger, developer, admin, owner, operator };
  for (const p of Object.values(people)) recordOAuth1Authorization(db, app.id, p.user.id, "read");

  const otherTeam = createTeam(db, stranger.actor, { name: "Other team" });
  inviteMember(db, stranger.actor, { accountId: otherTeam.id, username: owner.user.username, role: "developer" });
  const invitationId = db.select().from(teamInvitations).where(eq(teamInvitations.userId, owner.user.id)).get()!.id;

  const savedApp = db.select().from(apps).where(eq(apps.id, app.id)).get()!;
  const versions = { appDetails: appDetailsVersion(savedApp), authSettings: authSettingsVersion(savedApp), project: projectVersion(project) };
  const invitee = await person("mxinvitee");
  inviteMember(db, admin.actor, { accountId: team.id, username: invitee.user.username, role: "developer" });
  const teamInvitationId = db.select().from(teamInvitations).where(eq(teamInvitations.userId, invitee.user.id)).get()!.id;
  db.update(outbox).set({ createdAt: 0 }).run();
  const frozen = freeze(db);
  db.$client.close();
  return {
    people,
    outsider,
    teamId: team.id,
    projectId: project.id,
    appId: app.id,
    appName: app.name,
    standaloneAppId: standalone.id,
    requestToken,
    invitationId,
    teamInvitationId,
    iconPng: png,
    versions,
    fork: frozen.fork,
  };
}

export { SEED_PASSWORD };

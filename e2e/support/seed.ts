import { e2eDb } from "./db";
import { createApp } from "@/lib/domain/apps";
import { listDeveloperAccounts } from "@/lib/domain/developer-accounts";
import { createProject } from "@/lib/domain/projects";
import { answerInvitation, createTeam, inviteMember, listInvitations } from "@/lib/domain/teams";
import { getUserByUsername } from "@/lib/domain/users";

/** The actor and personal developer account of a user signed up through the UI. */
export async function developerOf(username: string) {
  const db = await e2eDb();
  const user = getUserByUsername(db, username)!;
  const actor = { userId: user.id, isOperator: user.isOperator };
  const account = listDeveloperAccounts(db, actor).find((a) => a.kind === "personal")!;
  return { db, user, actor, account };
}

/** An App for a user signed up through the UI, in a new Project when `project` names one. */
export async function seedAppFor(username: string, name: string, opts: { accountId?: string; project?: string } = {}) {
  const { db, actor, account } = await developerOf(username);
  const accountId = opts.accountId ?? account.id;
  const projectId = opts.project ? createProject(db, actor, { accountId, name: opts.project, description: "Seeded for a journey", useCase: "exploring-the-api" }).id : undefined;
  return { ...createApp(db, actor, accountId, { name, environment: "development", projectId }), projectId, db, actor };
}

/** A team created by `admin` (signed up through the UI) with members who accepted their invitations. */
export async function seedTeam(admin: string, name: string, members: Array<{ username: string; role: "admin" | "developer" }> = []) {
  const { db, actor } = await developerOf(admin);
  const team = createTeam(db, actor, { name });
  for (const m of members) {
    inviteMember(db, actor, { accountId: team.id, username: m.username, role: m.role });
    const member = await developerOf(m.username);
    const invitation = listInvitations(db, member.actor).find((i) => i.accountId === team.id)!;
    answerInvitation(db, member.actor, invitation.id, true);
  }
  return { ...team, db, actor };
}

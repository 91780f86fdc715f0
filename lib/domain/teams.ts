import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { developerAccounts, memberships, teamInvitations, users } from "@/db/schema";
import type { ChangeRoleInput, CreateTeamInput, InviteMemberInput, MemberInput } from "@/lib/validation/team";
import { requireAccountAdmin, roleIn } from "./access";
import type { Actor } from "./actor";
import { DomainError, fieldError } from "./errors";
import { snowflake } from "./ids";
import { queueEmail } from "./outbox";
import { ensureTeamIdentity, isTeamIdentity } from "./team-identity";
import { invitationEmail } from "./team-invitations";

function requireTeam(db: DbOrTx, accountId: string) {
  const account = db.select().from(developerAccounts).where(eq(developerAccounts.id, accountId)).get();
  if (!account || account.kind !== "team") throw new DomainError("not_found", "Team not found");
  return account;
}

const adminCount = (db: DbOrTx, accountId: string) =>
  db.select({ n: sql<number>`count(*)` }).from(memberships).where(and(eq(memberships.accountId, accountId), eq(memberships.role, "admin"))).get()!.n;

/** Creates a team developer account with the actor as its first admin and its own platform account (needs developer access). */
export function createTeam(db: Db, actor: Actor, input: CreateTeamInput) {
  return db.transaction((tx) => {
    const personal = tx.select().from(developerAccounts).where(eq(developerAccounts.personalUserId, actor.userId)).get();
    if (!personal) throw new DomainError("forbidden", "Sign up for developer access before creating a team");
    // Two teams of one name would be two identical entries in the header's switcher.
    const same = tx
      .select({ name: developerAccounts.name })
      .from(memberships)
      .innerJoin(developerAccounts, eq(developerAccounts.id, memberships.accountId))
      .where(and(eq(memberships.userId, actor.userId), eq(developerAccounts.kind, "team")))
      .all()
      .some((t) => t.name.toLocaleLowerCase() === input.name.toLocaleLowerCase());
    if (same) throw fieldError("conflict", "name", `You are already in a team called ${input.name}. Choose another name.`);
    const id = snowflake();
    tx.insert(developerAccounts).values({ id, kind: "team", name: input.name, tier: "essential", useCase: personal.useCase, agreedAt: Date.now() }).run();
    tx.insert(memberships).values({ accountId: id, userId: actor.userId, role: "admin" }).run();
    ensureTeamIdentity(tx, id);
    return { id, name: input.name };
  });
}

export function listMembers(db: Db, actor: Actor, accountId: string) {
  roleIn(db, actor, accountId);
  requireTeam(db, accountId);
  return db
    .select({ userId: users.id, username: users.username, name: users.name, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(memberships.createdAt))
    .all();
}

/** Invites a user by @username; they see it on their Teams page and get an e-mail. Admins only. */
export function inviteMember(db: Db, actor: Actor, input: InviteMemberInput) {
  return db.transaction((tx) => {
    requireAccountAdmin(tx, actor, input.accountId, "invite members");
    const team = requireTeam(tx, input.accountId);
    const user = tx.select().from(users).where(eq(users.usernameLower, input.username.replace(/^@/, "").toLowerCase())).get();
    if (!user) throw fieldError("invalid", "username", `No account is called @${input.username.replace(/^@/, "")}`);
    if (isTeamIdentity(tx, user.id)) throw fieldError("invalid", "username", `@${user.username} is a team's account: invite a person`);
    if (tx.select().from(memberships).where(and(eq(memberships.accountId, team.id), eq(memberships.userId, user.id))).get()) {
      throw fieldError("conflict", "username", `@${user.username} is already a member of ${team.name}`);
    }
    if (tx.select().from(teamInvitations).where(and(eq(teamInvitations.accountId, team.id), eq(teamInvitations.userId, user.id))).get()) {
      throw fieldError("conflict", "username", `@${user.username} has already been invited`);
    }
    tx.insert(teamInvitations).values({ accountId: team.id, userId: user.id, role: input.role, invitedBy: actor.userId }).run();
    queueEmail(tx, { toUserId: user.id, toEmail: user.email, ...invitationEmail(team, input.role) });
    return { username: user.username };
  });
}

/** The actor's pending invitations. */
export function listInvitations(db: Db, actor: Actor) {
  return db
    .select({ id: teamInvitations.id, accountId: teamInvitations.accountId, teamName: developerAccounts.name, role: teamInvitations.role, createdAt: teamInvitations.createdAt })
    .from(teamInvitations)
    .innerJoin(developerAccounts, eq(developerAccounts.id, teamInvitations.accountId))
    .where(eq(teamInvitations.userId, actor.userId))
    .all();
}

/** Accepts (or declines) one of the actor's own invitations. */
export function answerInvitation(db: Db, actor: Actor, invitationId: number, accept: boolean) {
  return db.transaction((tx) => {
    const inv = tx.select().from(teamInvitations).where(and(eq(teamInvitations.id, invitationId), eq(teamInvitations.userId, actor.userId))).get();
    if (!inv) throw new DomainError("not_found", "Invitation not found");
    tx.delete(teamInvitations).where(eq(teamInvitations.id, inv.id)).run();
    if (accept) tx.insert(memberships).values({ accountId: inv.accountId, userId: actor.userId, role: inv.role }).onConflictDoNothing().run();
    return { accountId: inv.accountId };
  });
}

export function changeRole(db: Db, actor: Actor, input: ChangeRoleInput) {
  return db.transaction((tx) => {
    requireAccountAdmin(tx, actor, input.accountId, "change roles");
    requireTeam(tx, input.accountId);
    const member = tx.select().from(memberships).where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId))).get();
    if (!member) throw new DomainError("not_found", "Member not found");
    if (member.role === "admin" && input.role !== "admin" && adminCount(tx, input.accountId) <= 1) {
      throw new DomainError("invalid", "A team needs at least one admin. Make someone else an admin first.");
    }
    tx.update(memberships).set({ role: input.role }).where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId))).run();
  });
}

/** Removes a member (admins), or leaves the team (anyone, for themselves). The last admin cannot go. */
export function removeMember(db: Db, actor: Actor, input: MemberInput) {
  return db.transaction((tx) => {
    if (input.userId !== actor.userId) requireAccountAdmin(tx, actor, input.accountId, "remove members");
    else roleIn(tx, actor, input.accountId);
    requireTeam(tx, input.accountId);
    const member = tx.select().from(memberships).where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId))).get();
    if (!member) throw new DomainError("not_found", "Member not found");
    if (member.role === "admin" && adminCount(tx, input.accountId) <= 1) {
      throw new DomainError("invalid", "The last admin cannot leave or be removed. Make someone else an admin first.");
    }
    tx.delete(memberships).where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, input.userId))).run();
  });
}

import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { developerAccounts, outbox, teamInvitations, users } from "@/db/schema";
import type { TeamInvitationInput } from "@/lib/validation/team";
import { requireAccountAdmin } from "./access";
import type { Actor } from "./actor";
import { DomainError } from "./errors";
import { queueEmail } from "./outbox";

const inviter = alias(users, "inviter");

/** Invitations waiting for the actor's answer, with who sent them (dashboard, header, Teams). */
export function listMyInvitations(db: Db, actor: Actor) {
  return db
    .select({
      id: teamInvitations.id,
      accountId: teamInvitations.accountId,
      teamName: developerAccounts.name,
      role: teamInvitations.role,
      invitedBy: inviter.username,
      createdAt: teamInvitations.createdAt,
    })
    .from(teamInvitations)
    .innerJoin(developerAccounts, eq(developerAccounts.id, teamInvitations.accountId))
    .leftJoin(inviter, eq(inviter.id, teamInvitations.invitedBy))
    .where(eq(teamInvitations.userId, actor.userId))
    .orderBy(desc(teamInvitations.createdAt))
    .all();
}

export function countMyInvitations(db: Db, actor: Actor): number {
  return db.select({ n: sql<number>`count(*)` }).from(teamInvitations).where(eq(teamInvitations.userId, actor.userId)).get()!.n;
}

/** A team's pending invitations, for its admins: who, as what, invited by whom, since when. */
export function listTeamInvitations(db: Db, actor: Actor, accountId: string) {
  requireAccountAdmin(db, actor, accountId, "see the team's invitations");
  return db
    .select({ id: teamInvitations.id, username: users.username, name: users.name, role: teamInvitations.role, invitedBy: inviter.username, createdAt: teamInvitations.createdAt })
    .from(teamInvitations)
    .innerJoin(users, eq(users.id, teamInvitations.userId))
    .leftJoin(inviter, eq(inviter.id, teamInvitations.invitedBy))
    .where(eq(teamInvitations.accountId, accountId))
    .orderBy(asc(teamInvitations.createdAt))
    .all();
}

/** The invitation e-mail, the same for the first sending and a resend. */
export function invitationEmail(team: { name: string }, role: string) {
  return {
    subject: `You're invited to join ${team.name}`,
    body: `You have been invited to join the developer team "${team.name}" as ${role === "admin" ? "an admin" : "a developer"}.\n\nOpen Teams in the developer portal to accept or decline.`,
  };
}

function loadInvitation(db: DbOrTx, actor: Actor, input: TeamInvitationInput, what: string) {
  requireAccountAdmin(db, actor, input.accountId, what);
  const row = db
    .select({ invitation: teamInvitations, team: developerAccounts, email: users.email, username: users.username })
    .from(teamInvitations)
    .innerJoin(developerAccounts, eq(developerAccounts.id, teamInvitations.accountId))
    .innerJoin(users, eq(users.id, teamInvitations.userId))
    .where(and(eq(teamInvitations.id, input.invitationId), eq(teamInvitations.accountId, input.accountId)))
    .get();
  if (!row) throw new DomainError("not_found", "Invitation not found");
  return row;
}

export const RESEND_AFTER_MS = 60_000;

/** Sends the invitation e-mail again (admins; at most once a minute per invitation). */
export function resendInvitation(db: Db, actor: Actor, input: TeamInvitationInput, now = Date.now()): { username: string } {
  return db.transaction((tx) => {
    const row = loadInvitation(tx, actor, input, "resend invitations");
    const mail = invitationEmail(row.team, row.invitation.role);
    const recent = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.toUserId, row.invitation.userId), eq(outbox.subject, mail.subject), gt(outbox.createdAt, now - RESEND_AFTER_MS)))
      .get();
    if (recent) throw new DomainError("rate_limited", `The invitation to @${row.username} was sent less than a minute ago`);
    queueEmail(tx, { toUserId: row.invitation.userId, toEmail: row.email, ...mail });
    return { username: row.username };
  });
}

/** Withdraws a pending invitation (admins); the invitee no longer sees it. */
export function cancelInvitation(db: Db, actor: Actor, input: TeamInvitationInput): { username: string } {
  return db.transaction((tx) => {
    const row = loadInvitation(tx, actor, input, "cancel invitations");
    tx.delete(teamInvitations).where(eq(teamInvitations.id, row.invitation.id)).run();
    return { username: row.username };
  });
}

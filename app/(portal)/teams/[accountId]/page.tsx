import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { InviteForm } from "@/components/teams/invite-form";
import { TeamAccountCard } from "@/components/teams/team-account-card";
import { PendingInvitations } from "@/components/teams/pending-invitations";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getDeveloperAccount } from "@/lib/domain/developer-accounts";
import { listTeamConnectedApps } from "@/lib/domain/team-connected-apps";
import { teamIdentity } from "@/lib/domain/team-identity";
import { listTeamInvitations } from "@/lib/domain/team-invitations";
import { listMembers } from "@/lib/domain/teams";
import { loadOrNotFound } from "@/lib/server/pages";
import { requireUser } from "@/lib/server/session";
import { cancelInvitationAction, changeRoleAction, inviteMemberAction, removeMemberAction, resendInvitationAction, revokeTeamConnectedAppAction } from "../actions";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const { actor } = await requireUser();
  const db = getDb();
  const team = loadOrNotFound(() => getDeveloperAccount(db, actor, accountId));
  const members = loadOrNotFound(() => listMembers(db, actor, accountId));
  const admin = team.role === "admin";
  const identity = teamIdentity(db, accountId);
  const connected = admin ? listTeamConnectedApps(db, actor, accountId).apps : null;
  return (
    <>
      <p className="mb-3 text-sm wrap-anywhere text-muted"><Link href="/teams" className="text-link">Teams</Link> / {team.name}</p>
      <PageHeader title={team.name} description={`You are ${team.role === "admin" ? "an admin" : "a developer"} of this team.`} />
      <div className="space-y-6">
        <Card aria-labelledby="members-heading">
          <h2 id="members-heading" className="text-lg font-bold">Members</h2>
          <ul className="mt-2 divide-y divide-border">
            {members.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <span className="min-w-0 wrap-anywhere">
                  <strong>{m.name}</strong> <span className="text-muted">@{m.username}</span> — <span className="capitalize">{m.role}</span>
                </span>
                <span className="flex flex-wrap gap-2">
                  {admin && (
                    <ActionButton action={changeRoleAction} input={{ accountId, userId: m.userId, role: m.role === "admin" ? "developer" : "admin" }} label={`Make @${m.username} ${m.role === "admin" ? "a developer" : "an admin"}`}>
                      {m.role === "admin" ? "Make developer" : "Make admin"}
                    </ActionButton>
                  )}
                  {m.userId === actor.userId ? (
                    <ActionButton action={removeMemberAction} input={{ accountId, userId: m.userId }} variant="danger" confirm="Leave this team?">Leave team</ActionButton>
                  ) : (
                    admin && <ActionButton action={removeMemberAction} input={{ accountId, userId: m.userId }} variant="danger" label={`Remove @${m.username}`} confirm={`Remove @${m.username} from the team?`}>Remove</ActionButton>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <TeamAccountCard identity={identity} accountId={accountId} connected={connected} revoke={revokeTeamConnectedAppAction} />
        {admin && (
          <Card aria-labelledby="pending-heading">
            <h2 id="pending-heading" className="text-lg font-bold">Pending invitations</h2>
            <PendingInvitations accountId={accountId} invitations={listTeamInvitations(db, actor, accountId)} resend={resendInvitationAction} cancel={cancelInvitationAction} />
          </Card>
        )}
        {admin && (
          <Card aria-labelledby="invite-heading">
            <h2 id="invite-heading" className="mb-3 text-lg font-bold">Invite a member</h2>
            <InviteForm action={inviteMemberAction} accountId={accountId} />
          </Card>
        )}
      </div>
    </>
  );
}

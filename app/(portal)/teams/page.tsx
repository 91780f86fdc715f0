import type { Metadata } from "next";
import Link from "next/link";
import { InvitationList } from "@/components/teams/invitation-list";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listDeveloperAccounts } from "@/lib/domain/developer-accounts";
import { listMyInvitations } from "@/lib/domain/team-invitations";
import { requireUser } from "@/lib/server/session";
import { acceptInvitationAction, createTeamAction, declineInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const { actor } = await requireUser();
  const db = getDb();
  const accounts = listDeveloperAccounts(db, actor);
  const teams = accounts.filter((a) => a.kind === "team");
  const invitations = listMyInvitations(db, actor);
  const hasPersonal = accounts.some((a) => a.kind === "personal");
  return (
    <>
      <PageHeader title="Teams" description="Team developer accounts share Projects and Apps between members." />
      <div className="space-y-6">
        {invitations.length > 0 && (
          <Card aria-labelledby="invitations" id="invitations-card">
            <h2 id="invitations" className="text-lg font-bold">Invitations</h2>
            <InvitationList invitations={invitations} accept={acceptInvitationAction} decline={declineInvitationAction} />
          </Card>
        )}
        <Card aria-labelledby="teams-heading">
          <h2 id="teams-heading" className="text-lg font-bold">Your teams</h2>
          {teams.length === 0 ? (
            <p className="mt-2 text-sm text-muted">You are not in a team yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-border">
              {teams.map((t) => (
                <li key={t.id} className="flex items-center justify-between gap-3 py-3 text-sm">
                  <Link href={`/teams/${t.id}`} className="min-w-0 font-bold wrap-anywhere hover:underline">{t.name}</Link>
                  <span className="text-muted capitalize">{t.role}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card aria-labelledby="new-team-heading">
          <h2 id="new-team-heading" className="mb-3 text-lg font-bold">Create a team</h2>
          {hasPersonal ? <CreateTeamForm action={createTeamAction} /> : <p className="text-sm text-muted"><Link href="/developer/signup" className="text-link">Sign up for developer access</Link> to create a team.</p>}
        </Card>
      </div>
    </>
  );
}

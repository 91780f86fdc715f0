import type { Metadata } from "next";
import { AccountOverview } from "@/components/apps/account-overview";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { accountOverview } from "@/lib/domain/overview";
import { listMyInvitations } from "@/lib/domain/team-invitations";
import { Card } from "@/components/ui/card";
import { InvitationList } from "@/components/teams/invitation-list";
import { acceptInvitationAction, declineInvitationAction } from "@/app/(portal)/teams/actions";
import { requireDeveloper } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { account, actor, user } = await requireDeveloper();
  const overview = accountOverview(getDb(), actor, account.id, Number(params.page ?? 1));
  const invitations = listMyInvitations(getDb(), actor);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={
          <>
            Welcome, {user.name}. <span className="text-fg">{account.name}</span> has{" "}
            <strong className="text-fg">{overview.limits.label}</strong> access: {overview.limits.projects} Project
            {overview.limits.projects === 1 ? "" : "s"}, {overview.limits.appsPerProject} App
            {overview.limits.appsPerProject === 1 ? "" : "s"} per Project, {overview.limits.appsTotal} Apps in all.
          </>
        }
      />
      {invitations.length > 0 && (
        <Card aria-labelledby="invitations" className="mb-6 border-accent/50">
          <h2 id="invitations" className="text-lg font-bold">
            {invitations.length === 1 ? "You are invited to join a team" : `You are invited to join ${invitations.length} teams`}
          </h2>
          <InvitationList invitations={invitations} accept={acceptInvitationAction} decline={declineInvitationAction} />
        </Card>
      )}
      {params.deleted && <Alert tone="success" className="mb-4">The App was deleted. Its keys and tokens no longer work.</Alert>}
      <AccountOverview overview={overview} basePath="/dashboard" />
    </>
  );
}

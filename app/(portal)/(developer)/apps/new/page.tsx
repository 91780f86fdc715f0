import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { blockers } from "@/components/apps/account-overview";
import { NewAppFlow } from "@/components/apps/new-app-flow";
import { SwitchAccountButton } from "@/components/shell/switch-account-button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { accountOverview } from "@/lib/domain/overview";
import { findProjectFor } from "@/lib/domain/projects";
import { requireDeveloper } from "@/lib/server/session";
import { switchAccountAction } from "@/app/actions/account";
import { createAppAction } from "../actions";

export const metadata: Metadata = { title: "New App" };

export default async function NewAppPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { projectId } = await searchParams;
  const { account, accounts, actor } = await requireDeveloper();
  const db = getDb();
  const overview = accountOverview(db, actor, account.id);
  const project = projectId ? overview.projects.find((p) => p.id === projectId) : undefined;

  if (projectId && !project) {
    // A Project of another developer account of this user (else: not found, whoever owns it).
    const elsewhere = findProjectFor(db, actor, projectId);
    const owner = elsewhere && accounts.find((a) => a.id === elsewhere.accountId);
    if (!elsewhere || !owner) notFound();
    return (
      <>
        <PageHeader title={`New App in ${elsewhere.name}`} description="Apps in a Project can use the v2 endpoints." />
        <Card className="space-y-4">
          <Alert tone="warning">
            <span className="wrap-anywhere">
              {elsewhere.name} belongs to <strong>{owner.name}</strong>, and you are working in <strong>{account.name}</strong>. Switch developer
              account to add an App to it.
            </span>
          </Alert>
          <SwitchAccountButton action={switchAccountAction} accountId={owner.id} next={`/apps/new?projectId=${elsewhere.id}`}>
            Switch to {owner.name}
          </SwitchAccountButton>
        </Card>
      </>
    );
  }

  const reason =
    blockers(overview).app ??
    (project && project.apps.length >= overview.limits.appsPerProject
      ? `Apps in this Project: ${project.apps.length} of ${overview.limits.appsPerProject} on ${overview.limits.label} access`
      : null);
  return (
    <NewAppFlow
      title={project ? `New App in ${project.name}` : "New standalone App"}
      description={project ? "Apps in a Project can use the v2 endpoints." : "Standalone Apps work with v1.1 and OAuth; connect one to a Project to use v2."}
      blocked={
        reason && (
          <Alert tone="warning">
            {reason}. <Link href="/dashboard" className="font-semibold underline">Back to the dashboard</Link>
          </Alert>
        )
      }
      action={createAppAction}
      accountId={account.id}
      projectId={project?.id}
    />
  );
}

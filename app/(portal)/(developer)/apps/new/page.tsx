import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { blockers } from "@/components/apps/account-overview";
import { NewAppFlow } from "@/components/apps/new-app-flow";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { accountOverview } from "@/lib/domain/overview";
import { requireDeveloper } from "@/lib/server/session";
import { createAppAction } from "../actions";

export const metadata: Metadata = { title: "New App" };

export default async function NewAppPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { projectId } = await searchParams;
  const { account, actor } = await requireDeveloper();
  const db = getDb();
  const overview = accountOverview(db, actor, account.id);
  const project = projectId ? overview.projects.find((p) => p.id === projectId) : undefined;

  if (projectId && !project) notFound();

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

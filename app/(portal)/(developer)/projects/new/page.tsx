import type { Metadata } from "next";
import Link from "next/link";
import { blockers } from "@/components/apps/account-overview";
import { ProjectForm } from "@/components/projects/project-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { accountOverview } from "@/lib/domain/overview";
import { requireDeveloper } from "@/lib/server/session";
import { createProjectAction } from "../actions";

export const metadata: Metadata = { title: "New Project" };

export default async function NewProjectPage() {
  const { account, actor } = await requireDeveloper();
  const reason = blockers(accountOverview(getDb(), actor, account.id)).project;
  return (
    <>
      <PageHeader title="New Project" description="Name your Project and describe its use case. Next you add an App to it." />
      <Card>
        {reason ? (
          <Alert tone="warning">
            {reason}, and you have used them. <Link href="/dashboard" className="font-semibold underline">Back to the dashboard</Link>
          </Alert>
        ) : (
          <ProjectForm action={createProjectAction} hidden={{ accountId: account.id }} submitLabel="Next: add an App" />
        )}
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { AccountOverview } from "@/components/apps/account-overview";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { accountOverview } from "@/lib/domain/overview";
import { requireDeveloper } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { account, actor, user } = await requireDeveloper();
  const overview = accountOverview(getDb(), actor, account.id, Number(params.page ?? 1));
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
      {params.deleted && <Alert tone="success" className="mb-4">The App was deleted. Its keys and tokens no longer work.</Alert>}
      <AccountOverview overview={overview} basePath="/dashboard" />
    </>
  );
}

import type { Metadata } from "next";
import { AccountOverview } from "@/components/apps/account-overview";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { accountOverview } from "@/lib/domain/overview";
import { requireDeveloper } from "@/lib/server/session";

export const metadata: Metadata = { title: "Projects & Apps" };

export default async function ProjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { account, actor } = await requireDeveloper();
  const overview = accountOverview(getDb(), actor, account.id, Number((await searchParams).page ?? 1));
  return (
    <>
      <PageHeader title="Projects & Apps" description="Your Projects, their Apps, and Standalone Apps." />
      <AccountOverview overview={overview} basePath="/projects" />
    </>
  );
}

import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireDeveloper } from "@/lib/server/session";

export const metadata: Metadata = { title: "Projects & Apps" };

export default async function ProjectsPage() {
  await requireDeveloper();
  return (
    <>
      <PageHeader title="Projects & Apps" description="Your Projects, their Apps, and Standalone Apps." />
      <EmptyState title="No Projects or Apps yet">Projects and Apps you create will be listed here.</EmptyState>
    </>
  );
}

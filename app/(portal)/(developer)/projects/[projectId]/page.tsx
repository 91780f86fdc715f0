import type { Metadata } from "next";
import Link from "next/link";
import { ActionOrReason } from "@/components/apps/account-overview";
import { AppRow } from "@/components/apps/app-row";
import { AuditList } from "@/components/audit/audit-list";
import { AttachAppForm } from "@/components/projects/attach-app-form";
import { DeleteProjectButton } from "@/components/projects/delete-project-button";
import { DetachAppButton } from "@/components/projects/detach-app-button";
import { ProjectForm } from "@/components/projects/project-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listProjectAudit } from "@/lib/domain/audit";
import { accountOverview, listStandaloneApps } from "@/lib/domain/overview";
import { loadProjectFor, projectVersion, type Project } from "@/lib/domain/projects";
import { isProjectUseCase, projectUseCaseLabel } from "@/lib/validation/project";
import { loadOrNotFound } from "@/lib/server/pages";
import { requireDeveloper } from "@/lib/server/session";
import { attachAppAction, deleteProjectAction, detachAppAction, updateProjectAction } from "../actions";

export const metadata: Metadata = { title: "Project" };

/** The edit form's values; a Project from before the use-case list has its choice to make. */
const editDefaults = (p: Project) => ({
  name: p.name,
  useCase: isProjectUseCase(p.useCase) ? p.useCase : ("" as const),
  description: p.description,
});

export default async function ProjectPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { projectId } = await params;
  const setup = (await searchParams).setup === "1";
  const { actor } = await requireDeveloper();
  const db = getDb();
  const project = loadOrNotFound(() => loadProjectFor(db, actor, projectId));
  const overview = accountOverview(db, actor, project.accountId);
  const apps = overview.projects.find((p) => p.id === project.id)?.apps ?? [];
  const admin = overview.account.role === "admin";
  const full = apps.length >= overview.limits.appsPerProject;
  const roomReason = !admin
    ? "You must be an admin to add Apps"
    : full
      ? `Apps in this Project: ${apps.length} of ${overview.limits.appsPerProject} on ${overview.limits.label} access`
      : overview.usage.apps >= overview.limits.appsTotal
        ? `${overview.limits.label} access includes ${overview.limits.appsTotal} Apps in all`
        : null;

  return (
    <>
      <p className="mb-3 text-sm wrap-anywhere text-muted">
        <Link href="/projects" className="text-link hover:underline">Projects &amp; Apps</Link> / {project.name}
      </p>
      <PageHeader
        title={project.name}
        description={
          <>
            {project.useCase && <span className="block font-semibold text-fg">{projectUseCaseLabel(project.useCase)}</span>}
            <span className="wrap-anywhere">{project.description || "No description"}</span>
          </>
        }
       actions={admin && <DeleteProjectButton action={deleteProjectAction} projectId={project.id} projectName={project.name} apps={apps.map((a) => a.name)} />} />
      <div className="space-y-6">
        {setup && apps.length === 0 && <Alert tone="success">Project created. Now add an App: create a new one, or connect an existing Standalone App.</Alert>}
        <Card aria-labelledby="apps-heading">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="apps-heading" className="text-lg font-bold">
              Apps in this Project: {apps.length} of {overview.limits.appsPerProject}
            </h2>
            <ActionOrReason href={`/apps/new?projectId=${project.id}`} label="Create a new App" reason={roomReason} />
          </div>
          {apps.length > 0 && (
            <ul className="mt-2 divide-y divide-border">
              {apps.map((a) => (
                <AppRow key={a.id} app={a} action={admin && <DetachAppButton action={detachAppAction} appId={a.id} appName={a.name} />} />
              ))}
            </ul>
          )}
          {admin && !roomReason && (
            <div className="mt-5 border-t border-border pt-4">
              <h3 className="mb-2 font-semibold">Or connect an existing Standalone App</h3>
              <AttachAppForm action={attachAppAction} pick="app" fixedId={project.id} options={listStandaloneApps(db, project.accountId)} />
            </div>
          )}
        </Card>
        {admin && (
          <Card aria-labelledby="edit-heading">
            <h2 id="edit-heading" className="mb-4 text-lg font-bold">Edit Project</h2>
            <ProjectForm action={updateProjectAction} hidden={{ projectId: project.id }} defaults={editDefaults(project)} earlierUseCase={isProjectUseCase(project.useCase) ? undefined : project.useCase || undefined} version={projectVersion(project)} submitLabel="Save Project" />
          </Card>
        )}
        <AuditList rows={listProjectAudit(db, project.id)} title="Project activity" />
      </div>
    </>
  );
}

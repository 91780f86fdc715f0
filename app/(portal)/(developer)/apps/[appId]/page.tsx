import type { Metadata } from "next";
import { AppDetailsForm } from "@/components/apps/app-details-form";
import { DeleteAppForm } from "@/components/apps/delete-app-form";
import { IconUpload } from "@/components/apps/icon-upload";
import { PlacementCard } from "@/components/apps/placement-card";
import { AuditList } from "@/components/audit/audit-list";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { appDetailsVersion } from "@/lib/domain/app-details";
import { getApp } from "@/lib/domain/apps";
import { listAppAudit } from "@/lib/domain/audit";
import { accountOverview } from "@/lib/domain/overview";
import { loadOrNotFound } from "@/lib/server/pages";
import { toCallbackRows } from "@/lib/validation/callback-urls";
import { requireDeveloper } from "@/lib/server/session";
import { deleteAppAction, updateAppDetailsAction, uploadIconAction } from "../actions";
import { attachAppAction, detachAppAction } from "../../projects/actions";

export const metadata: Metadata = { title: "App details" };

export default async function AppDetailsPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor } = await requireDeveloper();
  const db = getDb();
  const { app, role, canManage } = loadOrNotFound(() => getApp(db, actor, appId));
  const overview = accountOverview(db, actor, app.accountId);
  const project = overview.projects.find((p) => p.id === app.projectId);
  const openProjects = overview.projects.filter((p) => p.apps.length < overview.limits.appsPerProject).map((p) => ({ id: p.id, name: p.name }));

  return (
    <div className="space-y-6">
      <Card aria-labelledby="details-heading">
        <h2 id="details-heading" className="mb-4 text-lg font-bold">App details</h2>
        {!canManage && <p className="mb-4 text-sm text-muted">Only the App&apos;s owner or a team admin can edit this App.</p>}
        {canManage && (
          <div className="mb-6">
            <IconUpload action={uploadIconAction} app={app} />
          </div>
        )}
        <AppDetailsForm
          action={updateAppDetailsAction}
          appId={app.id}
          version={appDetailsVersion(app)}
          readOnly={!canManage}
          defaults={{
            name: app.name,
            description: app.description,
            websiteUrl: app.websiteUrl,
            callbackUrls: toCallbackRows(app.callbackUrls),
            termsUrl: app.termsUrl,
            privacyUrl: app.privacyUrl,
            organizationName: app.organizationName,
            organizationUrl: app.organizationUrl,
            useCase: app.useCase,
          }}
        />
      </Card>
      {role === "admin" && <PlacementCard app={app} projectName={project?.name ?? null} openProjects={openProjects} attach={attachAppAction} detach={detachAppAction} />}
      <AuditList rows={listAppAudit(db, app.id)} title="App activity" />
      {role === "admin" && (
        <Card aria-labelledby="delete-heading" className="border-danger/40">
          <h2 id="delete-heading" className="mb-3 text-lg font-bold text-danger">Delete App</h2>
          <DeleteAppForm action={deleteAppAction} appId={app.id} appName={app.name} />
        </Card>
      )}
    </div>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { AppIcon } from "@/components/apps/app-icon";
import { AppTabs } from "@/components/apps/app-tabs";
import { AppMeta } from "@/components/apps/status-tag";
import { getDb } from "@/db/client";
import { getApp } from "@/lib/domain/apps";
import { loadOrNotFound } from "@/lib/server/pages";
import { requireDeveloper } from "@/lib/server/session";

export default async function AppLayout({ children, params }: { children: ReactNode; params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor } = await requireDeveloper();
  const { app } = loadOrNotFound(() => getApp(getDb(), actor, appId));
  return (
    <>
      <p className="mb-3 text-sm wrap-anywhere text-muted">
        <Link href="/projects" className="text-link hover:underline">
          Projects &amp; Apps
        </Link>{" "}
        / {app.name}
      </p>
      <div className="mb-5 flex flex-wrap items-center gap-3">
        <AppIcon app={app} size="size-12" />
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-extrabold tracking-tight wrap-anywhere sm:text-3xl">{app.name}</h1>
          <AppMeta app={app} className="mt-1">
            {!app.projectId && <span>Standalone App</span>}
          </AppMeta>
        </div>
      </div>
      {app.status === "suspended" && (
        <div role="status" className="mb-5 rounded-xl border border-danger/40 bg-danger-soft px-4 py-3 text-sm text-danger">
          This App is suspended{app.suspendedReason ? `: ${app.suspendedReason}` : ""}. Its keys and tokens do not work. Check the
          &quot;Application suspension notice&quot; e-mail sent to the App owner for what to do next.
        </div>
      )}
      <AppTabs appId={app.id} />
      {children}
    </>
  );
}

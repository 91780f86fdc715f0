import Link from "next/link";
import type { AppSummary } from "@/lib/domain/overview";
import { AppIcon } from "./app-icon";
import { AppMeta } from "./status-tag";

/** One App in a list: icon, name, App ID, environment, status. */
export function AppRow({ app, action }: { app: AppSummary; action?: React.ReactNode }) {
  return (
    <li className="flex flex-wrap items-center gap-3 py-3">
      <AppIcon app={app} />
      <div className="min-w-40 flex-1">
        {app.canManage ? (
          <Link href={`/apps/${app.id}`} className="font-bold wrap-anywhere hover:underline">
            {app.name}
          </Link>
        ) : (
          <span className="font-bold wrap-anywhere">{app.name}</span>
        )}
        <AppMeta app={app}>{!app.canManage && <span>Owner @{app.ownerUsername}</span>}</AppMeta>
      </div>
      {action}
    </li>
  );
}

import type { Metadata } from "next";
import { ConnectedAppList } from "@/components/connected-apps/connected-app-list";
import { RevokeFeedback } from "@/components/connected-apps/revoke-feedback";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listConnectedApps } from "@/lib/domain/connected-apps";
import { requireUser } from "@/lib/server/session";
import { revokeConnectedAppAction } from "./actions";

export const metadata: Metadata = { title: "Connected apps" };

export default async function ConnectedAppsPage() {
  const { actor } = await requireUser();
  const connected = listConnectedApps(getDb(), actor);
  return (
    <>
      <PageHeader
        title="Connected apps"
        description="Apps you have allowed to use your account. Revoking access ends every token the App holds for you at once; it has to ask you again."
      />
      <RevokeFeedback>
        <ConnectedAppList apps={connected} action={revokeConnectedAppAction} />
      </RevokeFeedback>
    </>
  );
}

"use client";
import { ConnectedAppList } from "@/components/connected-apps/connected-app-list";
import { RevokeFeedback } from "@/components/connected-apps/revoke-feedback";
import type { ClientAction } from "@/components/forms/use-action";
import type { ConnectedApp } from "@/lib/domain/connected-apps";

/** The Apps holding tokens for the team's own account, with Revoke access (admins). */
export function TeamConnectedApps({ apps, accountId, action }: { apps: ConnectedApp[]; accountId: string; action: ClientAction<{ accountId: string; appId: string }> }) {
  const revoke: ClientAction<{ appId: string }> = (prev, input) => action(prev, { ...input, accountId });
  // The feedback wraps the empty state too: "Access revoked" outlives the last row it came from.
  return (
    <RevokeFeedback>
      {apps.length === 0 ? <p className="mt-2 text-sm text-muted">No App holds a token for the team&apos;s account.</p> : <ConnectedAppList apps={apps} action={revoke} />}
    </RevokeFeedback>
  );
}

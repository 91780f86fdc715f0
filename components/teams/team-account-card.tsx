import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { ClientAction } from "@/components/forms/use-action";
import type { ConnectedApp } from "@/lib/domain/connected-apps";
import type { TeamIdentity } from "@/lib/domain/team-identity";
import { TeamConnectedApps } from "./team-connected-apps";

interface Props {
  identity: TeamIdentity | null;
  accountId: string;
  /** The team account's Connected apps: admins only (null for developers). */
  connected: ConnectedApp[] | null;
  revoke: ClientAction<{ accountId: string; appId: string }>;
}

/** The team's own account: what the owner Access Tokens of its Apps act for, and (admins) the Apps holding them. */
export function TeamAccountCard({ identity, accountId, connected, revoke }: Props) {
  if (!identity) return null;
  return (
    <Card aria-labelledby="team-account-heading">
      <h2 id="team-account-heading" className="text-lg font-bold">Team account</h2>
      <p className="mt-1 text-sm text-muted">
        The team&apos;s own account,{" "}
        <Link href={`/u/${identity.username}`} className="text-link">@{identity.username}</Link>: the owner Access Token of a team App acts for it (its
        Tweets, its Direct Messages), never for a member&apos;s own account. Nobody signs in to it; the team&apos;s admins manage it.
      </p>
      {connected && (
        <>
          <h3 className="mt-4 font-bold">Connected apps</h3>
          <TeamConnectedApps apps={connected} accountId={accountId} action={revoke} />
        </>
      )}
    </Card>
  );
}

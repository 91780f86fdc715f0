import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import type { RevokeTeamConnectedAppInput } from "@/lib/validation/connected-apps";
import { requireAccountAdmin } from "./access";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { connectedAppsOf, revokeAppAccessOf, type ConnectedApp } from "./connected-apps";
import { DomainError } from "./errors";
import { teamIdentity, type TeamIdentity } from "./team-identity";

/** Admins of the team only: developers are told so, non-members that it does not exist. */
function requireTeamAdmin(db: DbOrTx, actor: Actor, accountId: string, what: string): TeamIdentity | null {
  requireAccountAdmin(db, actor, accountId, what);
  return teamIdentity(db, accountId);
}

/** The Apps holding tokens for the team's own account (the owner Access Tokens of its Apps), for its admins. */
export function listTeamConnectedApps(db: Db, actor: Actor, accountId: string): { identity: TeamIdentity | null; apps: ConnectedApp[] } {
  const identity = requireTeamAdmin(db, actor, accountId, "see the team account's connected apps");
  return { identity, apps: identity ? connectedAppsOf(db, identity.userId) : [] };
}

/** Ends every token an App holds for the team's own account (a team admin's Revoke access), audited on the App. */
export function revokeTeamConnectedApp(db: Db, actor: Actor, input: RevokeTeamConnectedAppInput): { appName: string } {
  return db.transaction((tx) => {
    const identity = requireTeamAdmin(tx, actor, input.accountId, "revoke the team account's connected apps");
    if (!identity) throw new DomainError("not_found", "This App is not connected to the team's account");
    const { appName } = revokeAppAccessOf(tx, identity.userId, input.appId);
    recordAudit(tx, { accountId: input.accountId, appId: input.appId, actorUserId: actor.userId, action: "team.connected_app.revoke", details: { actsFor: identity.username } });
    return { appName };
  });
}

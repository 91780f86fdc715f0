import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { apps, authorizations } from "@/db/schema";
import { splitScope } from "@/lib/oauth2/scopes";
import type { Permission } from "@/lib/validation/enums";
import type { RevokeConnectedAppInput } from "@/lib/validation/connected-apps";
import type { Actor } from "./actor";
import { DomainError } from "./errors";
import { revokeUserAppAccess } from "./user-tokens";

export interface ConnectedApp {
  app: { id: string; name: string; description: string; websiteUrl: string; iconVersion: number; suspended: boolean };
  /** OAuth 1.0a access level granted, if any. */
  oauth1AccessLevel: Permission | null;
  /** OAuth 2.0 scopes granted, if any. */
  oauth2Scopes: string[];
  authorizedAt: number;
  updatedAt: number;
}

/** Every App the actor has authorized (OAuth 1.0a and/or OAuth 2.0), most recently changed first. */
export function listConnectedApps(db: Db, actor: Actor): ConnectedApp[] {
  return connectedAppsOf(db, actor.userId);
}

/** Every App holding tokens for an account (its own authorizations and its portal-generated owner tokens). No authorization check. */
export function connectedAppsOf(db: DbOrTx, userId: string): ConnectedApp[] {
  return db
    .select({ a: authorizations, app: apps })
    .from(authorizations)
    .innerJoin(apps, eq(apps.id, authorizations.appId))
    .where(eq(authorizations.userId, userId))
    .orderBy(desc(authorizations.updatedAt))
    .all()
    .map(({ a, app }) => ({
      app: { id: app.id, name: app.name, description: app.description, websiteUrl: app.websiteUrl, iconVersion: app.iconVersion, suspended: app.status === "suspended" },
      oauth1AccessLevel: a.oauth1AccessLevel,
      oauth2Scopes: a.oauth2Scope ? splitScope(a.oauth2Scope) : [],
      authorizedAt: a.createdAt,
      updatedAt: a.updatedAt,
    }));
}

/**
 * Connected apps → Revoke access: ends every token the App holds for the actor (OAuth 1.0a tokens
 * from the authorization flow and the portal's owner token, the OAuth 2.0 grant with its access
 * and refresh tokens) and the authorization itself, in one transaction. Only the actor's own
 * authorization: another one, or none, is not_found.
 */
export function revokeConnectedApp(db: Db, actor: Actor, input: RevokeConnectedAppInput): { appName: string } {
  return db.transaction((tx) => revokeAppAccessOf(tx, actor.userId, input.appId));
}

/** Ends every token the App holds for the account, and its authorization; not_found when it holds none. No authorization check. */
export function revokeAppAccessOf(tx: DbOrTx, userId: string, appId: string): { appName: string } {
  const row = tx
    .select({ name: apps.name })
    .from(authorizations)
    .innerJoin(apps, eq(apps.id, authorizations.appId))
    .where(and(eq(authorizations.appId, appId), eq(authorizations.userId, userId)))
    .get();
  if (!row) throw new DomainError("not_found", "This App is not connected to your account");
  revokeUserAppAccess(tx, appId, userId);
  return { appName: row.name };
}

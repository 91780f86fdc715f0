import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { apps, memberships, type Role } from "@/db/schema";
import type { Actor } from "./actor";
import type { App } from "./app-credentials";
import { DomainError } from "./errors";

export type AppAccess = "view" | "manage" | "admin";

export interface AppWithRole {
  app: App;
  role: Role;
  /** True when the actor may see hints and rotate this App's credentials. */
  canManage: boolean;
}

/**
 * Loads an App for an actor and checks what they may do with it:
 * - view: any member of the App's developer account;
 * - manage (hints, keys, settings): an admin of the account, or the App's owner;
 * - admin (delete, move between Projects): an admin of the account.
 * Non-members get not_found, so existence never leaks.
 */
export function loadAppFor(db: DbOrTx, actor: Actor, appId: string, need: AppAccess): AppWithRole {
  const row = db
    .select({ app: apps, role: memberships.role })
    .from(apps)
    .innerJoin(memberships, and(eq(memberships.accountId, apps.accountId), eq(memberships.userId, actor.userId)))
    .where(eq(apps.id, appId))
    .get();
  if (!row) throw new DomainError("not_found", "App not found");
  const canManage = row.role === "admin" || row.app.ownerUserId === actor.userId;
  if (need === "manage" && !canManage) {
    throw new DomainError("forbidden", "Only the App's owner or a team admin can manage this App");
  }
  if (need === "admin" && row.role !== "admin") throw new DomainError("forbidden", "You must be an admin to do this");
  return { app: row.app, role: row.role, canManage };
}

/** The actor's role in a developer account, or not_found when they are not a member. */
export function roleIn(db: DbOrTx, actor: Actor, accountId: string): Role {
  const row = db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.accountId, accountId), eq(memberships.userId, actor.userId)))
    .get();
  if (!row) throw new DomainError("not_found", "Developer account not found");
  return row.role;
}

/** Throws unless the actor is an admin of the account ("you must be an admin to create an App"). */
export function requireAccountAdmin(db: DbOrTx, actor: Actor, accountId: string, what = "do this"): void {
  if (roleIn(db, actor, accountId) !== "admin") throw new DomainError("forbidden", `You must be an admin to ${what}`);
}

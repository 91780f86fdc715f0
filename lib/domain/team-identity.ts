import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { developerAccounts, users } from "@/db/schema";
import { snowflake } from "./ids";

/**
 * A team's own platform account. On X a team account is an account of its own that members
 * manage; a member's personal account is never reachable through it. The owner Access Token of a
 * team App acts for this account (its @handle Tweets, it receives DMs); nobody can sign in to it
 * (its password hash is not one), and the team's admins see and revoke its Connected apps.
 */

/** Not a scrypt hash: no password ever matches it (lib/domain/password-checks.ts). */
export const NO_PASSWORD = "!team-account";

/** A free @handle from the team's name: letters, digits and _, at most 15, a number added when taken. */
function freeHandle(tx: DbOrTx, teamName: string): string {
  const base = teamName.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/_+/g, "_").replace(/^_|_$/g, "").slice(0, 15) || "team";
  const taken = (h: string) => Boolean(tx.select({ id: users.id }).from(users).where(eq(users.usernameLower, h)).get());
  if (!taken(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = String(i);
    const handle = `${base.slice(0, 15 - suffix.length)}${suffix}`;
    if (!taken(handle)) return handle;
  }
}

/** The team's own account, created (with its handle) when the team has none yet. Inside the caller's transaction. */
export function ensureTeamIdentity(tx: DbOrTx, accountId: string): string {
  const account = tx
    .select({ kind: developerAccounts.kind, name: developerAccounts.name, identityUserId: developerAccounts.identityUserId })
    .from(developerAccounts)
    .where(eq(developerAccounts.id, accountId))
    .get();
  if (!account || account.kind !== "team") throw new Error(`not a team: ${accountId}`);
  if (account.identityUserId) return account.identityUserId;
  const id = snowflake();
  const handle = freeHandle(tx, account.name);
  // .invalid (RFC 2606): an address that exists for the unique index and never receives mail.
  const email = `team-${accountId}@teams.invalid`;
  tx.insert(users).values({ id, username: handle, usernameLower: handle, name: account.name, email, emailLower: email, passwordHash: NO_PASSWORD }).run();
  tx.update(developerAccounts).set({ identityUserId: id }).where(eq(developerAccounts.id, accountId)).run();
  return id;
}

export interface TeamIdentity {
  userId: string;
  username: string;
  name: string;
}

/** The team's own account, or null (a personal account, or a team made before there were any). Read-only. */
export function teamIdentity(db: DbOrTx, accountId: string): TeamIdentity | null {
  return (
    db
      .select({ userId: users.id, username: users.username, name: users.name })
      .from(developerAccounts)
      .innerJoin(users, eq(users.id, developerAccounts.identityUserId))
      .where(eq(developerAccounts.id, accountId))
      .get() ?? null
  );
}

/**
 * The account an App's owner Access Token acts for: the personal developer account's user, or
 * the team's own account — never whichever member created the App or pressed Generate.
 */
export function appIdentity(tx: DbOrTx, app: { accountId: string }): string {
  const account = tx
    .select({ kind: developerAccounts.kind, personalUserId: developerAccounts.personalUserId })
    .from(developerAccounts)
    .where(eq(developerAccounts.id, app.accountId))
    .get();
  if (account?.kind === "personal" && account.personalUserId) return account.personalUserId;
  return ensureTeamIdentity(tx, app.accountId);
}

/** The account an App's owner token acts for, without creating anything (pages); null for a team made before there were any. */
export function ownerIdentity(db: DbOrTx, app: { accountId: string; ownerUserId: string }): { userId: string; username: string } | null {
  const row = db
    .select({ kind: developerAccounts.kind, personal: developerAccounts.personalUserId })
    .from(developerAccounts)
    .where(eq(developerAccounts.id, app.accountId))
    .get();
  if (row?.kind === "team") {
    const team = teamIdentity(db, app.accountId);
    return team && { userId: team.userId, username: team.username };
  }
  const userId = row?.personal ?? app.ownerUserId;
  const user = db.select({ username: users.username }).from(users).where(eq(users.id, userId)).get();
  return user ? { userId, username: user.username } : null;
}

/** True when the user is a team's own account (it cannot be invited, sign in, or manage a bot). */
export function isTeamIdentity(db: DbOrTx, userId: string): boolean {
  return Boolean(db.select({ id: developerAccounts.id }).from(developerAccounts).where(eq(developerAccounts.identityUserId, userId)).get());
}

/** Teams without an account of their own yet (made before there were any). */
export function teamsWithoutIdentity(db: DbOrTx): string[] {
  return db
    .select({ id: developerAccounts.id })
    .from(developerAccounts)
    .where(and(eq(developerAccounts.kind, "team"), isNull(developerAccounts.identityUserId)))
    .all()
    .map((r) => r.id);
}

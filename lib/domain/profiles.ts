import { and, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "@/db/types";
import { follows, users } from "@/db/schema";
import { AuthCacheRegion } from "./auth-cache";
import { preparedFor } from "./prepared";

/** A user's public profile row (everything but the password hash), with the automated-account label. */
export type ProfileUser = Omit<typeof users.$inferSelect, "passwordHash"> & {
  /** The managing account's @username when this is a labelled bot account. */
  automatedByUsername: string | null;
};

const { passwordHash: _omit, ...profileColumns } = getTableColumns(users);
const manager = alias(users, "manager");

function selectProfile(db: DbOrTx) {
  return db
    .select({ ...profileColumns, automatedByUsername: manager.username })
    .from(users)
    .leftJoin(manager, eq(manager.id, users.automatedByUserId));
}

/** Profiles by id, kept exact by the users table's epoch triggers (see ./auth-cache.ts): users/me reads one on every call. */
const profilesById = new AuthCacheRegion<ProfileUser>("profiles", 50_000);

export function findProfileById(db: DbOrTx, id: string): ProfileUser | null {
  const cache = profilesById.in(db);
  const hit = cache?.get(id);
  if (hit) return hit;
  const query = preparedFor(db, "profiles.byId", () => selectProfile(db).where(eq(users.id, sql.placeholder("id"))).prepare());
  const profile = query.get({ id });
  if (!profile) return null;
  return cache ? profilesById.remember(cache, id, profile) : profile;
}

/** Profiles by id (unknown ids are left out), for a page's includes. */
export function findProfilesByIds(db: DbOrTx, ids: readonly string[]): ProfileUser[] {
  return ids.length ? selectProfile(db).where(inArray(users.id, [...new Set(ids)])).all() : [];
}

/** Profiles by @username, lower-cased (unknown names are left out). */
export function findProfilesByUsernames(db: DbOrTx, usernames: readonly string[]): ProfileUser[] {
  const lower = [...new Set(usernames.map((u) => u.replace(/^@/, "").toLowerCase()))];
  return lower.length ? selectProfile(db).where(inArray(users.usernameLower, lower)).all() : [];
}

export function findProfileByUsername(db: DbOrTx, username: string): ProfileUser | null {
  return selectProfile(db).where(eq(users.usernameLower, username.replace(/^@/, "").toLowerCase())).get() ?? null;
}

/**
 * Whether `viewerId` may see the Tweets of `author`: everyone a public account's; a protected
 * one's only the account itself and its accepted followers (a follow request stays pending). The
 * one rule behind profile pages, the API's Tweet lookups and, as SQL, every timeline
 * (`visibleTweetsOf`).
 */
export function canSeeTweetsOf(db: DbOrTx, author: { id: string; protected: boolean }, viewerId: string | null): boolean {
  if (!author.protected || author.id === viewerId) return true;
  return viewerId !== null && isAcceptedFollower(db, viewerId, author.id);
}

/** Whether `viewerId` may see the Tweets of the account with id `authorId` (unknown accounts: yes, there is nothing to hide). */
export function canSeeTweetsOfId(db: DbOrTx, authorId: string, viewerId: string | null): boolean {
  if (authorId === viewerId) return true;
  const author = findProfileById(db, authorId);
  return !author || canSeeTweetsOf(db, author, viewerId);
}

function isAcceptedFollower(db: DbOrTx, followerId: string, followeeId: string): boolean {
  const query = preparedFor(db, "profiles.acceptedFollow", () =>
    db
      .select({ p: follows.pending })
      .from(follows)
      .where(and(eq(follows.followerId, sql.placeholder("follower")), eq(follows.followeeId, sql.placeholder("followee"))))
      .prepare(),
  );
  const row = query.get({ follower: followerId, followee: followeeId });
  return row !== undefined && !row.p;
}

/** canSeeTweetsOf as an SQL condition on a Tweet's author column, for lists of many authors' Tweets. */
export function visibleTweetsOf(authorId: SQLiteColumn, viewerId: string | null): SQL {
  const protectedAuthor = sql`exists (select 1 from ${users} where ${users.id} = ${authorId} and ${users.protected} = 1)`;
  if (viewerId === null) return sql`not ${protectedAuthor}`;
  const follower = sql`exists (select 1 from ${follows} where ${follows.followerId} = ${viewerId} and ${follows.followeeId} = ${authorId} and ${follows.pending} = 0)`;
  return sql`(${authorId} = ${viewerId} or not ${protectedAuthor} or ${follower})`;
}

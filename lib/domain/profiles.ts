import { eq, getTableColumns, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "@/db/types";
import { users } from "@/db/schema";
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

export function findProfileByUsername(db: DbOrTx, username: string): ProfileUser | null {
  return selectProfile(db).where(eq(users.usernameLower, username.replace(/^@/, "").toLowerCase())).get() ?? null;
}

/**
 * Whether `viewerId` may see the Tweets of `author`: everyone may see a public account's, only the
 * account itself a protected one's (the sandbox has no followers to approve). The one rule behind
 * profile pages and the API's Tweet lookups.
 */
export function canSeeTweetsOf(author: { id: string; protected: boolean }, viewerId: string | null): boolean {
  return !author.protected || author.id === viewerId;
}

/** Whether `viewerId` may see the Tweets of the account with id `authorId` (unknown accounts: yes, there is nothing to hide). */
export function canSeeTweetsOfId(db: DbOrTx, authorId: string, viewerId: string | null): boolean {
  if (authorId === viewerId) return true;
  const author = findProfileById(db, authorId);
  return !author || canSeeTweetsOf(author, viewerId);
}

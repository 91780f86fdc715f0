import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { follows, users } from "@/db/schema";
import { DomainError } from "./errors";
import { pageOf, windowConditions, type Page, type PageWindow } from "./keyset";

export interface FollowState {
  following: boolean;
  /** A request to follow a protected account, waiting for the account to accept it. */
  pendingFollow: boolean;
}

/**
 * Follows an account (POST /2/users/:id/following). A protected account gets a pending follow
 * request (X's `pending_follow: true`) that it accepts; following again answers the current state.
 */
export function followUser(db: DbOrTx, input: { followerId: string; targetId: string }, now = Date.now()): FollowState {
  if (input.followerId === input.targetId) throw new DomainError("invalid", "You cannot follow yourself.");
  return db.transaction((tx) => {
    const target = tx.select({ protected: users.protected }).from(users).where(eq(users.id, input.targetId)).get();
    if (!target) throw new DomainError("not_found", "User not found");
    tx.insert(follows).values({ followerId: input.followerId, followeeId: input.targetId, pending: target.protected, createdAt: now }).onConflictDoNothing().run();
    const row = tx.select({ pending: follows.pending }).from(follows).where(and(eq(follows.followerId, input.followerId), eq(follows.followeeId, input.targetId))).get()!;
    return { following: !row.pending, pendingFollow: row.pending };
  });
}

/** Unfollows an account, or withdraws a pending request; unfollowing an account not followed is a no-op. */
export function unfollowUser(db: DbOrTx, input: { followerId: string; targetId: string }): void {
  db.delete(follows).where(and(eq(follows.followerId, input.followerId), eq(follows.followeeId, input.targetId))).run();
}

/** A protected account accepts a pending follow request; false when there is none. */
export function acceptFollowRequest(db: DbOrTx, input: { userId: string; followerId: string }): boolean {
  const done = db
    .update(follows)
    .set({ pending: false })
    .where(and(eq(follows.followerId, input.followerId), eq(follows.followeeId, input.userId), eq(follows.pending, true)))
    .run();
  return done.changes > 0;
}

/** One entry of a list of users: who, and when they entered it (follow, like or retweet time). */
export interface ListedUser {
  userId: string;
  at: number;
}

export const listedUserKey = (u: ListedUser) => ({ createdAt: u.at, id: u.userId });

function listFollows(db: DbOrTx, side: "following" | "followers", userId: string, w: PageWindow): Page<ListedUser> {
  const [mine, other] = side === "following" ? [follows.followerId, follows.followeeId] : [follows.followeeId, follows.followerId];
  const rows = db
    .select({ userId: other, at: follows.createdAt })
    .from(follows)
    .where(and(eq(mine, userId), eq(follows.pending, false), ...windowConditions(follows.createdAt, other, w)))
    .orderBy(desc(follows.createdAt), desc(other))
    .limit(w.limit + 1)
    .all();
  return pageOf(rows, w.limit, listedUserKey);
}

/** The accounts a user follows, most recently followed first (GET /2/users/:id/following). */
export const listFollowing = (db: DbOrTx, userId: string, w: PageWindow) => listFollows(db, "following", userId, w);

/** A user's followers, most recent first (GET /2/users/:id/followers). */
export const listFollowers = (db: DbOrTx, userId: string, w: PageWindow) => listFollows(db, "followers", userId, w);

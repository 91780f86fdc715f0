import { and, desc, eq, getTableColumns } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { likes, tweets } from "@/db/schema";
import { DomainError } from "./errors";
import { listedUserKey, type ListedUser } from "./follows";
import { pageOf, windowConditions, type Page, type PageWindow } from "./keyset";
import { canSeeTweetsOfId, visibleTweetsOf } from "./profiles";
import { getTweet, type Tweet } from "./tweets";

/** Likes a Tweet the user can see (POST /2/users/:id/likes); liking it again changes nothing. */
export function likeTweet(db: DbOrTx, input: { userId: string; tweetId: string }, now = Date.now()): void {
  db.transaction((tx) => {
    const tweet = getTweet(tx, input.tweetId);
    if (!tweet || !canSeeTweetsOfId(tx, tweet.authorId, input.userId)) throw new DomainError("not_found", "Tweet not found");
    tx.insert(likes).values({ userId: input.userId, tweetId: input.tweetId, createdAt: now }).onConflictDoNothing().run();
  });
}

/** Takes a like back (DELETE /2/users/:id/likes/:tweet_id); a Tweet not liked is a no-op. */
export function unlikeTweet(db: DbOrTx, input: { userId: string; tweetId: string }): void {
  db.delete(likes).where(and(eq(likes.userId, input.userId), eq(likes.tweetId, input.tweetId))).run();
}

/** Who liked a Tweet, most recent first (GET /2/tweets/:id/liking_users). */
export function likingUsers(db: DbOrTx, tweetId: string, w: PageWindow): Page<ListedUser> {
  const rows = db
    .select({ userId: likes.userId, at: likes.createdAt })
    .from(likes)
    .where(and(eq(likes.tweetId, tweetId), ...windowConditions(likes.createdAt, likes.userId, w)))
    .orderBy(desc(likes.createdAt), desc(likes.userId))
    .limit(w.limit + 1)
    .all();
  return pageOf(rows, w.limit, listedUserKey);
}

export type LikedTweet = Tweet & { likedAt: number };

/** The Tweets a user liked, most recently liked first, of authors the viewer may see (GET /2/users/:id/liked_tweets). */
export function likedTweets(db: DbOrTx, userId: string, viewerId: string | null, w: PageWindow): Page<LikedTweet> {
  const rows = db
    .select({ ...getTableColumns(tweets), likedAt: likes.createdAt })
    .from(likes)
    .innerJoin(tweets, eq(tweets.id, likes.tweetId))
    .where(and(eq(likes.userId, userId), ...windowConditions(likes.createdAt, likes.tweetId, w), visibleTweetsOf(tweets.authorId, viewerId)))
    .orderBy(desc(likes.createdAt), desc(likes.tweetId))
    .limit(w.limit + 1)
    .all();
  return pageOf(rows, w.limit, (t) => ({ createdAt: t.likedAt, id: t.id }));
}

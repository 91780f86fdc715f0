import { and, count, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "@/db/types";
import { follows, likes, tweets } from "@/db/schema";

/** X's Tweet public_metrics (bookmarks and impressions are not counted on this platform: 0). */
export interface TweetMetrics {
  retweet_count: number;
  reply_count: number;
  like_count: number;
  quote_count: number;
  bookmark_count: number;
  impression_count: number;
}

/** X's user public_metrics (no Lists on this platform: listed_count 0). */
export interface UserMetrics {
  followers_count: number;
  following_count: number;
  tweet_count: number;
  listed_count: number;
  like_count: number;
}

/** Counts per key of `column` over the ids, one grouped statement on the column's index. */
function countBy(db: DbOrTx, column: SQLiteColumn, ids: string[], where?: SQL): Map<string, number> {
  const rows = db
    .select({ key: column, n: count() })
    .from(column.table)
    .where(and(inArray(column, ids), where))
    .groupBy(column)
    .all() as { key: string; n: number }[];
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** public_metrics of a page of Tweets: four grouped counts on the reply, quote, retweet and like indexes. */
export function tweetMetrics(db: DbOrTx, ids: readonly string[]): Map<string, TweetMetrics> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const retweets = countBy(db, tweets.retweetedTweetId, list);
  const replies = countBy(db, tweets.inReplyToTweetId, list);
  const quotes = countBy(db, tweets.quotedTweetId, list);
  const liked = countBy(db, likes.tweetId, list);
  return new Map(
    list.map((id) => [
      id,
      { retweet_count: retweets.get(id) ?? 0, reply_count: replies.get(id) ?? 0, like_count: liked.get(id) ?? 0, quote_count: quotes.get(id) ?? 0, bookmark_count: 0, impression_count: 0 },
    ]),
  );
}

/** public_metrics of a page of users (accepted follows only). */
export function userMetrics(db: DbOrTx, ids: readonly string[]): Map<string, UserMetrics> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const followers = countBy(db, follows.followeeId, list, eq(follows.pending, false));
  const following = countBy(db, follows.followerId, list, eq(follows.pending, false));
  const posted = countBy(db, tweets.authorId, list);
  const liked = countBy(db, likes.userId, list);
  return new Map(
    list.map((id) => [
      id,
      { followers_count: followers.get(id) ?? 0, following_count: following.get(id) ?? 0, tweet_count: posted.get(id) ?? 0, listed_count: 0, like_count: liked.get(id) ?? 0 },
    ]),
  );
}

/** What a profile page counts: posts, replies, quotes, likes given, following, followers. */
export interface ProfileCounts {
  posts: number;
  replies: number;
  quotes: number;
  likes: number;
  following: number;
  followers: number;
}

export function profileCounts(db: DbOrTx, userId: string): ProfileCounts {
  const one = (column: SQLiteColumn, extra?: SQL) => countBy(db, column, [userId], extra).get(userId) ?? 0;
  const m = userMetrics(db, [userId]).get(userId)!;
  return {
    posts: m.tweet_count,
    replies: one(tweets.authorId, isNotNull(tweets.inReplyToTweetId)),
    quotes: one(tweets.authorId, isNotNull(tweets.quotedTweetId)),
    likes: m.like_count,
    following: m.following_count,
    followers: m.followers_count,
  };
}

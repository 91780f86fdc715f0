import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { follows, tweetMentions, tweets, users } from "@/db/schema";
import { pageOf, windowConditions, type Page, type PageWindow } from "./keyset";
import { visibleTweetsOf } from "./profiles";
import type { Tweet } from "./tweets";

const newestFirst = [desc(tweets.createdAt), desc(tweets.id)] as const;
const tweetKey = (t: Tweet) => ({ createdAt: t.createdAt, id: t.id });

/** What a user timeline leaves out (X's `exclude`). */
export interface TimelineExclusions {
  replies?: boolean;
  retweets?: boolean;
}

/** A user's Tweets, newest first (GET /2/users/:id/tweets); the caller checks the author is visible. */
export function userTimeline(db: DbOrTx, authorId: string, w: PageWindow, exclude: TimelineExclusions = {}): Page<Tweet> {
  const where = [eq(tweets.authorId, authorId), ...windowConditions(tweets.createdAt, tweets.id, w)];
  if (exclude.replies) where.push(sql`${tweets.inReplyToTweetId} is null`);
  if (exclude.retweets) where.push(sql`${tweets.retweetedTweetId} is null`);
  const rows = db.select().from(tweets).where(and(...where)).orderBy(...newestFirst).limit(w.limit + 1).all();
  return pageOf(rows, w.limit, tweetKey);
}

/** Tweets mentioning a user, newest first, of authors the viewer may see (GET /2/users/:id/mentions). */
export function mentionsTimeline(db: DbOrTx, userId: string, viewerId: string | null, w: PageWindow): Page<Tweet> {
  const rows = db
    .select(getTableColumns(tweets))
    .from(tweetMentions)
    .innerJoin(tweets, eq(tweets.id, tweetMentions.tweetId))
    .where(and(eq(tweetMentions.userId, userId), ...windowConditions(tweetMentions.createdAt, tweetMentions.tweetId, w), visibleTweetsOf(tweets.authorId, viewerId)))
    .orderBy(desc(tweetMentions.createdAt), desc(tweetMentions.tweetId))
    .limit(w.limit + 1)
    .all();
  return pageOf(rows, w.limit, tweetKey);
}

/**
 * The home timeline (GET /2/users/:id/timelines/reverse_chronological): the user's own Tweets and
 * those of the accounts they follow (accepted follows only), newest first. Each author's part is
 * read from tweets_author_idx, at most one page of it, so a page costs (followed accounts + 1) ×
 * limit index entries at most, whatever the size of the table.
 */
export function homeTimeline(db: DbOrTx, userId: string, w: PageWindow, exclude: TimelineExclusions = {}): Page<Tweet> {
  const authors = db.$with("authors").as(
    db
      .select({ id: follows.followeeId })
      .from(follows)
      .where(and(eq(follows.followerId, userId), eq(follows.pending, false)))
      .unionAll(db.select({ id: users.id }).from(users).where(eq(users.id, userId))),
  );
  // The author's newest Tweets in the window, as rowids: a correlated subquery on tweets_author_idx.
  const window = [sql`x.author_id = ${authors.id}`, ...windowConditions(sql`x.created_at`, sql`x.id`, w)];
  if (exclude.replies) window.push(sql`x.in_reply_to_tweet_id is null`);
  if (exclude.retweets) window.push(sql`x.retweeted_tweet_id is null`);
  const newest = sql`select x.rowid from ${tweets} x where ${sql.join(window, sql` and `)} order by x.created_at desc, x.id desc limit ${w.limit + 1}`;
  const rows = db
    .with(authors)
    .select(getTableColumns(tweets))
    .from(authors)
    .innerJoin(tweets, sql`${tweets}.rowid in (${newest})`)
    .orderBy(...newestFirst)
    .limit(w.limit + 1)
    .all();
  return pageOf(rows, w.limit, tweetKey);
}

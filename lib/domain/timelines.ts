import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { tweetMentions, tweets } from "@/db/schema";
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

export { homeTimeline } from "./home-timeline";

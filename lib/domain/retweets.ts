import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { tweets, users } from "@/db/schema";
import type { ListedUser } from "./follows";
import { snowflake } from "./ids";
import { pageOf, windowConditions, type Page, type PageWindow } from "./keyset";
import { canSeeTweetsOfId } from "./profiles";
import { searchTextOf } from "./search-text";
import { TweetRefused } from "./tweet-refusals";
import { getTweet, type TweetSource } from "./tweets";

/**
 * Retweets a Tweet (POST /2/users/:id/retweets) through an App: a Tweet row pointing at the
 * original, with X's "RT @author: text". Retweeting a retweet retweets its original; a protected
 * account's Tweets cannot be retweeted (except by that account); retweeting twice changes nothing.
 */
export function retweet(db: DbOrTx, input: { userId: string; app: TweetSource; tweetId: string }, now = Date.now()): void {
  db.transaction((tx) => {
      const seen = getTweet(tx, input.tweetId);
      const original = seen?.retweetedTweetId ? getTweet(tx, seen.retweetedTweetId) : seen;
      if (!original || !canSeeTweetsOfId(tx, original.authorId, input.userId)) throw new TweetRefused("retweet_target");
      const author = tx.select({ username: users.username, protected: users.protected }).from(users).where(eq(users.id, original.authorId)).get()!;
      if (author.protected && original.authorId !== input.userId) throw new TweetRefused("retweet_target");
      const text = `RT @${author.username}: ${original.text}`;
      tx.insert(tweets)
        .values({
          id: snowflake(now),
          authorId: input.userId,
          text,
          sourceAppId: input.app.id,
          sourceName: input.app.name,
          sourceUrl: input.app.websiteUrl,
          createdAt: now,
          retweetedTweetId: original.id,
          searchText: searchTextOf(text),
        })
        .onConflictDoNothing()
        .run();
  });
}

/** Undoes the user's retweet of a Tweet (DELETE /2/users/:id/retweets/:source_tweet_id); none is a no-op. */
export function unretweet(db: DbOrTx, input: { userId: string; tweetId: string }): void {
  db.delete(tweets).where(and(eq(tweets.authorId, input.userId), eq(tweets.retweetedTweetId, input.tweetId))).run();
}

/** Who retweeted a Tweet, most recent first (GET /2/tweets/:id/retweeted_by). */
export function retweetedBy(db: DbOrTx, tweetId: string, w: PageWindow): Page<ListedUser> {
  const rows = db
    .select({ userId: tweets.authorId, at: tweets.createdAt, id: tweets.id })
    .from(tweets)
    .where(and(eq(tweets.retweetedTweetId, tweetId), ...windowConditions(tweets.createdAt, tweets.id, w)))
    .orderBy(desc(tweets.createdAt), desc(tweets.id))
    .limit(w.limit + 1)
    .all();
  const page = pageOf(rows, w.limit, (r) => ({ createdAt: r.at, id: r.id }));
  return { items: page.items.map(({ userId, at }) => ({ userId, at })), next: page.next };
}

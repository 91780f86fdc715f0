import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { tweets } from "@/db/schema";
import type { App } from "./app-credentials";
import { snowflake } from "./ids";
import { preparedFor } from "./prepared";
import { canSeeTweetsOfId } from "./profiles";
import { searchTextOf } from "./search-text";
import { checkAttachableMedia } from "./media-attach";
import { recordMentions } from "./mentions";
import { TweetRefused } from "./tweet-refusals";

export type Tweet = typeof tweets.$inferSelect;
export type TweetSource = Pick<App, "id" | "name" | "websiteUrl">;

export interface NewTweet {
  authorId: string;
  app: TweetSource;
  text: string;
  /** reply.in_reply_to_tweet_id, and the users not to mention automatically (reply.exclude_reply_user_ids). */
  replyTo?: { tweetId: string; excludeUserIds?: readonly string[] };
  quoteTweetId?: string;
  mediaIds?: readonly string[];
}

const COLUMNS = [
  "id", "authorId", "text", "sourceAppId", "sourceName", "sourceUrl", "createdAt", "inReplyToTweetId", "inReplyToUserId",
  "conversationId", "quotedTweetId", "retweetedTweetId", "replyHidden", "mediaIds", "searchText",
] as const satisfies readonly (keyof Tweet)[];

/** The insert of a Tweet row, prepared once per connection (POST /2/tweets is a hot path). */
const insertTweetQuery = (db: DbOrTx) =>
  preparedFor(db, "tweets.insert", () =>
    db
      .insert(tweets)
      .values(Object.fromEntries(COLUMNS.map((c) => [c, sql.placeholder(c)])) as unknown as typeof tweets.$inferInsert)
      .prepare(),
  );

/** A Tweet the author may reference: it exists and its author's Tweets are visible to them. */
function referencable(db: DbOrTx, id: string, viewerId: string): Tweet | null {
  const tweet = getTweet(db, id);
  return tweet && canSeeTweetsOfId(db, tweet.authorId, viewerId) ? tweet : null;
}

/**
 * Posts a Tweet for a user through an App (the App's name and website are its source): a reply
 * (to a Tweet the author can see), a quote, with media the author uploaded. The author replied to
 * and the @usernames in the text are recorded as mentions. One transaction.
 */
export function createTweet(db: DbOrTx, input: NewTweet, now = Date.now()): Tweet {
  return db.transaction((tx) => {
    const parent = input.replyTo ? referencable(tx, input.replyTo.tweetId, input.authorId) : null;
    if (input.replyTo && !parent) throw new TweetRefused("reply_target");
    if (input.quoteTweetId && !referencable(tx, input.quoteTweetId, input.authorId)) throw new TweetRefused("quote_target");
    const mediaIds = input.mediaIds?.length ? checkAttachableMedia(tx, input.authorId, input.mediaIds, now) : null;
    const tweet: Tweet = {
      id: snowflake(now),
      authorId: input.authorId,
      text: input.text,
      sourceAppId: input.app.id,
      sourceName: input.app.name,
      sourceUrl: input.app.websiteUrl,
      createdAt: now,
      inReplyToTweetId: parent?.id ?? null,
      inReplyToUserId: parent?.authorId ?? null,
      conversationId: parent ? (parent.conversationId ?? parent.id) : null,
      quotedTweetId: input.quoteTweetId ?? null,
      retweetedTweetId: null,
      replyHidden: false,
      mediaIds,
      searchText: searchTextOf(input.text),
    };
    insertTweetQuery(tx).run(tweet);
    const replyMention = parent && parent.authorId !== input.authorId && !input.replyTo?.excludeUserIds?.includes(parent.authorId) ? [parent.authorId] : [];
    recordMentions(tx, tweet, replyMention);
    return tweet;
  });
}

export function getTweet(db: DbOrTx, id: string): Tweet | null {
  return db.select().from(tweets).where(eq(tweets.id, id)).get() ?? null;
}

/** Tweets by id, in no particular order (unknown ids are left out). */
export function getTweets(db: DbOrTx, ids: readonly string[]): Tweet[] {
  return ids.length ? db.select().from(tweets).where(inArray(tweets.id, [...new Set(ids)])).all() : [];
}

export type DeleteTweetOutcome = "deleted" | "not_found" | "not_author";

/** Deletes a Tweet, only for its author; its retweets go with it (mentions and likes cascade). */
export function deleteTweet(db: DbOrTx, input: { userId: string; id: string }): DeleteTweetOutcome {
  return db.transaction((tx) => {
    const tweet = getTweet(tx, input.id);
    if (!tweet) return "not_found";
    if (tweet.authorId !== input.userId) return "not_author";
    tx.delete(tweets).where(eq(tweets.retweetedTweetId, input.id)).run();
    tx.delete(tweets).where(and(eq(tweets.id, input.id), eq(tweets.authorId, input.userId))).run();
    return "deleted";
  });
}

export type HideReplyOutcome = "done" | "not_found" | "not_reply" | "not_yours";

/**
 * Hides or unhides a reply (PUT /2/tweets/:id/hidden): only a reply to one of the user's own
 * Tweets, or in a conversation the user started.
 */
export function setReplyHidden(db: DbOrTx, input: { userId: string; tweetId: string; hidden: boolean }): HideReplyOutcome {
  return db.transaction((tx) => {
    const reply = getTweet(tx, input.tweetId);
    if (!reply) return "not_found";
    if (!reply.inReplyToTweetId) return "not_reply";
    const owners = getTweets(tx, [reply.inReplyToTweetId, reply.conversationId ?? reply.inReplyToTweetId]).map((t) => t.authorId);
    if (reply.inReplyToUserId !== input.userId && !owners.includes(input.userId)) return "not_yours";
    tx.update(tweets).set({ replyHidden: input.hidden }).where(eq(tweets.id, reply.id)).run();
    return "done";
  });
}

export const PROFILE_PAGE_SIZE = 20;

/** One page of a user's Tweets, newest first (1-based pages). */
export function listTweetsByAuthor(db: DbOrTx, authorId: string, page = 1, pageSize = PROFILE_PAGE_SIZE) {
  const total = db.select({ n: sql<number>`count(*)` }).from(tweets).where(eq(tweets.authorId, authorId)).get()!.n;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const safePage = Number.isInteger(page) && page > 0 ? Math.min(page, pageCount) : 1;
  const items = db
    .select()
    .from(tweets)
    .where(eq(tweets.authorId, authorId))
    .orderBy(desc(tweets.createdAt), desc(tweets.id))
    .limit(pageSize)
    .offset((safePage - 1) * pageSize)
    .all();
  return { items, page: safePage, pageCount, total };
}

import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { tweets } from "@/db/schema";
import type { App } from "./app-credentials";
import { snowflake } from "./ids";
import { preparedFor } from "./prepared";

export type Tweet = typeof tweets.$inferSelect;

const insertTweetQuery = (db: DbOrTx) =>
  preparedFor(db, "tweets.insert", () =>
    db
      .insert(tweets)
      .values({
        id: sql.placeholder("id"),
        authorId: sql.placeholder("authorId"),
        text: sql.placeholder("text"),
        sourceAppId: sql.placeholder("sourceAppId"),
        sourceName: sql.placeholder("sourceName"),
        sourceUrl: sql.placeholder("sourceUrl"),
        createdAt: sql.placeholder("createdAt"),
      })
      .prepare(),
  );

/**
 * Posts a Tweet for a user through an App; the App's name and website are recorded as its source.
 * The row is the one written: every column is given here, and run() throws when the commit fails.
 */
export function createTweet(db: DbOrTx, input: { authorId: string; app: Pick<App, "id" | "name" | "websiteUrl">; text: string }, now = Date.now()): Tweet {
  const tweet: Tweet = {
    id: snowflake(now),
    authorId: input.authorId,
    text: input.text,
    sourceAppId: input.app.id,
    sourceName: input.app.name,
    sourceUrl: input.app.websiteUrl,
    createdAt: now,
  };
  insertTweetQuery(db).run(tweet);
  return tweet;
}

export function getTweet(db: DbOrTx, id: string): Tweet | null {
  return db.select().from(tweets).where(eq(tweets.id, id)).get() ?? null;
}

export type DeleteTweetOutcome = "deleted" | "not_found" | "not_author";

/** Deletes a Tweet, only for its author. */
export function deleteTweet(db: DbOrTx, input: { userId: string; id: string }): DeleteTweetOutcome {
  const tweet = getTweet(db, input.id);
  if (!tweet) return "not_found";
  if (tweet.authorId !== input.userId) return "not_author";
  db.delete(tweets).where(and(eq(tweets.id, input.id), eq(tweets.authorId, input.userId))).run();
  return "deleted";
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

import { and, desc, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { tweets } from "@/db/schema";
import { pageOf, windowConditions, type Page, type PageWindow } from "./keyset";
import { findProfilesByUsernames, visibleTweetsOf } from "./profiles";
import type { SearchNode } from "./search-query";
import type { Tweet } from "./tweets";

/** Recent search covers the last 7 days, as on X. */
export const RECENT_SEARCH_DAYS = 7;

function usernames(node: SearchNode): string[] {
  if (node.kind === "from" || node.kind === "to") return [node.user];
  if (node.kind === "not") return usernames(node.item);
  if (node.kind === "and" || node.kind === "or") return node.items.flatMap(usernames);
  return [];
}

/** Text as search sees it; Tweets stored before search_text existed fall back to their lower-cased text. */
const searchable = sql`coalesce(nullif(${tweets.searchText}, ''), ' ' || lower(${tweets.text}) || ' ')`;

function compile(node: SearchNode, ids: Map<string, string>): SQL {
  switch (node.kind) {
    case "text":
      return sql`instr(${searchable}, ${node.needle}) > 0`;
    case "from":
      return sql`${tweets.authorId} = ${ids.get(node.user.toLowerCase()) ?? ""}`;
    case "to":
      return sql`${tweets.inReplyToUserId} = ${ids.get(node.user.toLowerCase()) ?? ""}`;
    case "is":
      return { reply: sql`${tweets.inReplyToTweetId} is not null`, retweet: sql`${tweets.retweetedTweetId} is not null`, quote: sql`${tweets.quotedTweetId} is not null` }[node.what];
    case "not":
      return sql`not (${compile(node.item, ids)})`;
    default:
      return sql`(${sql.join(node.items.map((i) => compile(i, ids)), node.kind === "and" ? sql` and ` : sql` or `)})`;
  }
}

/**
 * GET /2/tweets/search/recent: public Tweets of the last 7 days matching the query, newest first
 * (protected accounts' Tweets are never in search results, as on X). A `from:` narrows the read to
 * that author's index range; otherwise the last 7 days are read newest first until a page is full.
 */
export function searchRecent(db: DbOrTx, query: SearchNode, w: PageWindow, now = Date.now()): Page<Tweet> {
  const ids = new Map(findProfilesByUsernames(db, usernames(query)).map((u) => [u.usernameLower, u.id]));
  const since = now - RECENT_SEARCH_DAYS * 24 * 60 * 60 * 1000;
  const window = { ...w, startTime: Math.max(w.startTime ?? since, since) };
  const rows = db
    .select()
    .from(tweets)
    .where(and(compile(query, ids), ...windowConditions(tweets.createdAt, tweets.id, window), visibleTweetsOf(tweets.authorId, null)))
    .orderBy(desc(tweets.createdAt), desc(tweets.id))
    .limit(w.limit + 1)
    .all();
  return pageOf(rows, w.limit, (t) => ({ createdAt: t.createdAt, id: t.id }));
}

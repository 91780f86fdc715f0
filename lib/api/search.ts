import { RECENT_SEARCH_DAYS, searchRecent } from "@/lib/domain/search";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "@/lib/domain/search-query";
import type { ApiContext, ApiResult } from "./context";
import { pageRules, TIME_RULES, windowFromQuery } from "./pagination";
import { apiErrors } from "./problems";
import { parseQuery, type QueryRules } from "./query";
import { TWEET_SHAPE_RULES } from "./shape";
import { tweetPage } from "./timelines";

/** GET /2/tweets/search/recent: 10–100 per page (10 by default); X takes the page token as next_token or pagination_token. */
export const SEARCH_QUERY: QueryRules = {
  query: { kind: "string", maxLength: MAX_QUERY_LENGTH * 4 },
  ...TWEET_SHAPE_RULES,
  ...pageRules({ min: 10, max: 100 }, ["next_token", "pagination_token"]),
  ...TIME_RULES,
  sort_order: { kind: "list", allowed: ["recency", "relevancy"] },
};

const iso = (ms: number) => new Date(ms).toISOString().replace(/:\d\d\.\d+Z$/, "Z");

/**
 * GET /2/tweets/search/recent?query=…: the documented subset of X's query language
 * (lib/domain/search-query.ts); anything else is X's 400 "There were errors processing your
 * request: …". Results newest first (relevancy is answered in recency order).
 */
export function searchRecentTweets(ctx: ApiContext): ApiResult {
  const query = parseQuery(ctx.query, SEARCH_QUERY);
  const q = query.query as string | undefined;
  if (q === undefined) throw apiErrors.invalidRequest([{ parameters: { query: [] }, message: "The `query` query parameter can not be empty" }]);
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw apiErrors.invalidRequest([{ parameters: { query: [q] }, message: `There were errors processing your request: ${parsed.errors.join(", ")}` }]);
  const earliest = ctx.now - RECENT_SEARCH_DAYS * 24 * 60 * 60 * 1000;
  if (query.start_time !== undefined && (query.start_time as number) < earliest) {
    const raw = ctx.query.get("start_time")!;
    throw apiErrors.invalidRequest([{ parameters: { start_time: [raw] }, message: `Invalid 'start_time':'${raw}'. 'start_time' must be on or after ${iso(earliest)}` }]);
  }
  const page = searchRecent(ctx.db, parsed.query, windowFromQuery(query, 10), ctx.now);
  return tweetPage(ctx, page, query);
}

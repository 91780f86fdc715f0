import type { Page } from "@/lib/domain/keyset";
import { canSeeTweetsOf, findProfileById } from "@/lib/domain/profiles";
import { homeTimeline, mentionsTimeline, userTimeline } from "@/lib/domain/timelines";
import type { Tweet } from "@/lib/domain/tweets";
import { ID_PATTERN } from "@/lib/validation/api";
import type { ApiContext, ApiResult } from "./context";
import { pageRules, TIME_RULES, tweetListMeta, windowFromQuery } from "./pagination";
import { apiErrors, notAuthorizedToSee, resourceNotFound } from "./problems";
import { checkPathParam, parseQuery, type ParsedQuery, type QueryRules } from "./query";
import { renderTweets } from "./render";
import { shapeOf, TWEET_SHAPE_RULES } from "./shape";

const EXCLUDE: QueryRules = { exclude: { kind: "list", allowed: ["replies", "retweets"] } };

/** GET /2/users/:id/tweets: 5–100 per page, 10 by default. */
export const USER_TWEETS_QUERY: QueryRules = { ...TWEET_SHAPE_RULES, ...pageRules({ min: 5, max: 100 }), ...TIME_RULES, ...EXCLUDE };
/** GET /2/users/:id/mentions: 5–100 per page, 10 by default. */
export const MENTIONS_QUERY: QueryRules = { ...TWEET_SHAPE_RULES, ...pageRules({ min: 5, max: 100 }), ...TIME_RULES };
/** GET /2/users/:id/timelines/reverse_chronological: 1–100 per page, 100 by default. */
export const HOME_QUERY: QueryRules = { ...TWEET_SHAPE_RULES, ...pageRules({ min: 1, max: 100 }), ...TIME_RULES, ...EXCLUDE };

/** A page of Tweets as X answers a timeline: data, includes, meta (or only meta when empty). */
export function tweetPage(ctx: ApiContext, page: Page<Tweet>, query: ParsedQuery): ApiResult {
  const meta = tweetListMeta(page);
  if (!page.items.length) return { body: { meta } };
  return { body: { ...renderTweets(ctx, page.items, shapeOf(query)), meta } };
}

const excluded = (query: ParsedQuery) => {
  const list = (query.exclude as string[] | undefined) ?? [];
  return { replies: list.includes("replies"), retweets: list.includes("retweets") };
};

/** The user of a timeline path, or X's 200 partial error: unknown, or a protected account the caller may not see. */
function timelineOwner(ctx: ApiContext, id: string): { ok: true } | { ok: false; result: ApiResult } {
  const user = findProfileById(ctx.db, id);
  if (!user) return { ok: false, result: { body: { errors: [resourceNotFound("user", "id", id)] } } };
  if (!canSeeTweetsOf(ctx.db, user, ctx.caller.userId)) return { ok: false, result: { body: { errors: [notAuthorizedToSee("user", "id", id)] } } };
  return { ok: true };
}

/** GET /2/users/:id/tweets: the user's Tweets (retweets and replies included unless excluded), newest first. */
export function getUserTweets(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, USER_TWEETS_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const window = windowFromQuery(query, 10);
  const owner = timelineOwner(ctx, id);
  if (!owner.ok) return owner.result;
  return tweetPage(ctx, userTimeline(ctx.db, id, window, excluded(query)), query);
}

/** GET /2/users/:id/mentions: Tweets mentioning the user (replies to the user included), of authors the caller may see. */
export function getUserMentions(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, MENTIONS_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const window = windowFromQuery(query, 10);
  if (!findProfileById(ctx.db, id)) return { body: { errors: [resourceNotFound("user", "id", id)] } };
  return tweetPage(ctx, mentionsTimeline(ctx.db, id, ctx.caller.userId, window), query);
}

/** The authenticated user's own id, or X's refusal for another user's (the platform's words: X documents none). */
export function ownUserOnly(ctx: ApiContext, id: string, name = "id"): string {
  checkPathParam(name, id, ID_PATTERN);
  if (id !== ctx.caller.userId) throw apiErrors.notAllowed(`You can only do this for the authenticated user: the \`${name}\` in the path must be ${ctx.caller.userId}.`);
  return id;
}

/** GET /2/users/:id/timelines/reverse_chronological: the user's home timeline; own user only. */
export function getHomeTimeline(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, HOME_QUERY);
  ownUserOnly(ctx, id);
  const window = windowFromQuery(query, 100);
  return tweetPage(ctx, homeTimeline(ctx.db, id, window, excluded(query)), query);
}

import { likedTweets, likeTweet, likingUsers, unlikeTweet } from "@/lib/domain/likes";
import { findProfileById } from "@/lib/domain/profiles";
import { getTweet } from "@/lib/domain/tweets";
import { canSeeTweetsOfId } from "@/lib/domain/profiles";
import { ID_PATTERN, tweetIdBodySchema } from "@/lib/validation/api";
import { parseJsonBody } from "./body";
import type { ApiContext, ApiResult } from "./context";
import { listMeta, pageRules, windowFromQuery } from "./pagination";
import { notAuthorizedToSee, resourceNotFound } from "./problems";
import { checkPathParam, parseQuery, type QueryRules } from "./query";
import { renderTweets } from "./render";
import { shapeOf, TWEET_SHAPE_RULES } from "./shape";
import { missingTweet } from "./tweets";
import { ownUserOnly } from "./timelines";
import { userListRules, userPage } from "./user-lists";

/** GET /2/tweets/:id/liking_users: 1–100 per page, 100 by default. */
export const LIKING_USERS_QUERY = userListRules(100);
/** GET /2/users/:id/liked_tweets: 5–100 per page, 100 by default. */
export const LIKED_TWEETS_QUERY: QueryRules = { ...TWEET_SHAPE_RULES, ...pageRules({ min: 5, max: 100 }) };

/** POST /2/users/:id/likes `{tweet_id}` → `{data:{liked:true}}`; liking twice is still liked. */
export function like(ctx: ApiContext, id: string, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  const userId = ownUserOnly(ctx, id);
  const { tweet_id: tweetId } = parseJsonBody(rawBody, tweetIdBodySchema);
  try {
    likeTweet(ctx.db, { userId, tweetId }, ctx.now);
  } catch (err) {
    missingTweet(err, "tweet_id", tweetId);
  }
  return { body: { data: { liked: true } } };
}

/** DELETE /2/users/:id/likes/:tweet_id → `{data:{liked:false}}`. */
export function unlike(ctx: ApiContext, id: string, tweetId: string): ApiResult {
  parseQuery(ctx.query, {});
  const userId = ownUserOnly(ctx, id);
  checkPathParam("tweet_id", tweetId, ID_PATTERN);
  unlikeTweet(ctx.db, { userId, tweetId });
  return { body: { data: { liked: false } } };
}

/** GET /2/tweets/:id/liking_users: who liked a Tweet the caller may see, most recent first. */
export function getLikingUsers(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, LIKING_USERS_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const window = windowFromQuery(query, 100);
  const tweet = getTweet(ctx.db, id);
  if (!tweet) return { body: { errors: [resourceNotFound("tweet", "id", id)] } };
  if (!canSeeTweetsOfId(ctx.db, tweet.authorId, ctx.caller.userId)) return { body: { errors: [notAuthorizedToSee("tweet", "id", id)] } };
  return userPage(ctx, likingUsers(ctx.db, id, window), query);
}

/** GET /2/users/:id/liked_tweets: the Tweets a user liked (those the caller may see), most recently liked first. */
export function getLikedTweets(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, LIKED_TWEETS_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const window = windowFromQuery(query, 100);
  if (!findProfileById(ctx.db, id)) return { body: { errors: [resourceNotFound("user", "id", id)] } };
  const page = likedTweets(ctx.db, id, ctx.caller.userId, window);
  const meta = listMeta(page);
  if (!page.items.length) return { body: { meta } };
  return { body: { ...renderTweets(ctx, page.items, shapeOf(query)), meta } };
}

import { canSeeTweetsOfId } from "@/lib/domain/profiles";
import { retweet, retweetedBy, unretweet } from "@/lib/domain/retweets";
import { TweetRefused } from "@/lib/domain/tweet-refusals";
import { getTweet } from "@/lib/domain/tweets";
import { ID_PATTERN, tweetIdBodySchema } from "@/lib/validation/api";
import { parseJsonBody } from "./body";
import type { ApiContext, ApiResult } from "./context";
import { windowFromQuery } from "./pagination";
import { notAuthorizedToSee, resourceNotFound } from "./problems";
import { checkPathParam, parseQuery } from "./query";
import { ownUserOnly } from "./timelines";
import { tweetRefusal } from "./tweets";
import { userListRules, userPage } from "./user-lists";

/** GET /2/tweets/:id/retweeted_by: 1–100 per page, 100 by default. */
export const RETWEETED_BY_QUERY = userListRules(100);

/** POST /2/users/:id/retweets `{tweet_id}` → `{data:{retweeted:true}}`, through the calling App. */
export function postRetweet(ctx: ApiContext, id: string, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  const userId = ownUserOnly(ctx, id);
  const { tweet_id: tweetId } = parseJsonBody(rawBody, tweetIdBodySchema);
  try {
    retweet(ctx.db, { userId, app: ctx.caller.app, tweetId }, ctx.now);
  } catch (err) {
    if (err instanceof TweetRefused) throw tweetRefusal(err);
    throw err;
  }
  return { body: { data: { retweeted: true } } };
}

/** DELETE /2/users/:id/retweets/:source_tweet_id → `{data:{retweeted:false}}`. */
export function deleteRetweet(ctx: ApiContext, id: string, sourceTweetId: string): ApiResult {
  parseQuery(ctx.query, {});
  const userId = ownUserOnly(ctx, id);
  checkPathParam("source_tweet_id", sourceTweetId, ID_PATTERN);
  unretweet(ctx.db, { userId, tweetId: sourceTweetId });
  return { body: { data: { retweeted: false } } };
}

/** GET /2/tweets/:id/retweeted_by: who retweeted a Tweet the caller may see, most recent first. */
export function getRetweetedBy(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, RETWEETED_BY_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const window = windowFromQuery(query, 100);
  const tweet = getTweet(ctx.db, id);
  if (!tweet) return { body: { errors: [resourceNotFound("tweet", "id", id)] } };
  if (!canSeeTweetsOfId(ctx.db, tweet.authorId, ctx.caller.userId)) return { body: { errors: [notAuthorizedToSee("tweet", "id", id)] } };
  return userPage(ctx, retweetedBy(ctx.db, id, window), query);
}

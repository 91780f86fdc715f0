import { createTweet, deleteTweet, getTweet } from "@/lib/domain/tweets";
import { canSeeTweetsOfId } from "@/lib/domain/profiles";
import { createTweetSchema, ID_PATTERN, MAX_TWEET_LENGTH, textLength, TWEET_FIELDS } from "@/lib/validation/api";
import { parseJsonBody } from "./body";
import { userOf, type ApiContext, type ApiResult } from "./context";
import { apiErrors, notAuthorizedToSee, resourceNotFound } from "./problems";
import { checkPathParam, parseQuery, type QueryRules } from "./query";
import { buildTweetObject } from "./tweet-object";

export const TWEET_QUERY: QueryRules = { "tweet.fields": { kind: "list", allowed: TWEET_FIELDS } };

export const TWEET_TOO_LONG =
  "Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.";

/** POST /2/tweets → 201 `{data:{id,text,edit_history_tweet_ids}}`; the App is recorded as the source. */
export function postTweet(ctx: ApiContext, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  const input = parseJsonBody(rawBody, createTweetSchema);
  if (input.text.trim() === "") throw apiErrors.invalidRequest([{ message: "$.text: must not be empty" }]);
  if (textLength(input.text) > MAX_TWEET_LENGTH) throw apiErrors.invalidRequest([{ message: TWEET_TOO_LONG }]);
  const tweet = createTweet(ctx.db, { authorId: userOf(ctx.caller), app: ctx.caller.app, text: input.text }, ctx.now);
  return { status: 201, body: { data: buildTweetObject(tweet) } };
}

/**
 * GET /2/tweets/:id — unknown: 200 with resource-not-found; a protected account's Tweet is only
 * shown to its author (others get X's not-authorized partial error).
 */
export function lookupTweet(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, TWEET_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const tweet = getTweet(ctx.db, id);
  if (!tweet) return { body: { errors: [resourceNotFound("tweet", "id", id)] } };
  if (!canSeeTweetsOfId(ctx.db, tweet.authorId, ctx.caller.userId)) {
    return { body: { errors: [notAuthorizedToSee("tweet", "id", id)] } };
  }
  return { body: { data: buildTweetObject(tweet, query["tweet.fields"] as string[] | undefined) } };
}

/** DELETE /2/tweets/:id — own Tweets only. */
export function removeTweet(ctx: ApiContext, id: string): ApiResult {
  parseQuery(ctx.query, {});
  checkPathParam("id", id, ID_PATTERN);
  const outcome = deleteTweet(ctx.db, { userId: userOf(ctx.caller), id });
  if (outcome === "not_found") throw apiErrors.notFound("tweet", "id", id);
  if (outcome === "not_author") throw apiErrors.notAllowed("You are not allowed to delete a Tweet you did not author.");
  return { body: { data: { deleted: true } } };
}

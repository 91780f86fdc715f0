import { DomainError } from "@/lib/domain/errors";
import { canSeeTweetsOfId } from "@/lib/domain/profiles";
import { TweetRefused } from "@/lib/domain/tweet-refusals";
import { createTweet, deleteTweet, getTweet, setReplyHidden } from "@/lib/domain/tweets";
import { createTweetSchema, hideReplyBodySchema, ID_PATTERN, MAX_TWEET_LENGTH, textLength } from "@/lib/validation/api";
import { parseJsonBody } from "./body";
import { userOf, type ApiContext, type ApiResult } from "./context";
import { apiErrors, notAuthorizedToSee, resourceNotFound } from "./problems";
import { checkPathParam, parseQuery, type QueryRules } from "./query";
import { renderTweets } from "./render";
import { shapeOf, TWEET_SHAPE_RULES } from "./shape";
import { buildTweetObject } from "./tweet-object";

export const TWEET_QUERY: QueryRules = TWEET_SHAPE_RULES;

export const TWEET_TOO_LONG =
  "Your Tweet text is too long. For more information on how Twitter determines text length see https://github.com/twitter/twitter-text.";

/** A refusal of the domain in X's words: media ids are a 400 invalid-request, an unreachable Tweet a 403. */
export function tweetRefusal(err: TweetRefused) {
  if (err.reason === "media_ids") return apiErrors.invalidRequest([{ message: err.message }]);
  return apiErrors.notAllowed(err.message);
}

/**
 * POST /2/tweets → 201 `{data:{id,text,edit_history_tweet_ids}}`; the App is recorded as the
 * source. A reply (reply.in_reply_to_tweet_id), a quote (quote_tweet_id) and media
 * (media.media_ids, uploaded by the same user) as X takes them; text may be blank only with media.
 */
export function postTweet(ctx: ApiContext, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  const input = parseJsonBody(rawBody, createTweetSchema);
  if (input.text.trim() === "" && !input.media) throw apiErrors.invalidRequest([{ message: "$.text: must not be empty" }]);
  if (textLength(input.text) > MAX_TWEET_LENGTH) throw apiErrors.invalidRequest([{ message: TWEET_TOO_LONG }]);
  try {
    const tweet = createTweet(
      ctx.db,
      {
        authorId: userOf(ctx.caller),
        app: ctx.caller.app,
        text: input.text,
        replyTo: input.reply && { tweetId: input.reply.in_reply_to_tweet_id, excludeUserIds: input.reply.exclude_reply_user_ids },
        quoteTweetId: input.quote_tweet_id,
        mediaIds: input.media?.media_ids,
      },
      ctx.now,
    );
    return { status: 201, body: { data: buildTweetObject(tweet) } };
  } catch (err) {
    if (err instanceof TweetRefused) throw tweetRefusal(err);
    throw err;
  }
}

/**
 * GET /2/tweets/:id — unknown: 200 with resource-not-found; a protected account's Tweet is shown
 * to its author and accepted followers only (others get X's not-authorized partial error).
 */
export function lookupTweet(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, TWEET_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const tweet = getTweet(ctx.db, id);
  if (!tweet) return { body: { errors: [resourceNotFound("tweet", "id", id)] } };
  if (!canSeeTweetsOfId(ctx.db, tweet.authorId, ctx.caller.userId)) {
    return { body: { errors: [notAuthorizedToSee("tweet", "id", id)] } };
  }
  const { data, includes } = renderTweets(ctx, [tweet], shapeOf(query));
  return { body: includes ? { data: data[0], includes } : { data: data[0] } };
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

/** PUT /2/tweets/:tweet_id/hidden `{"hidden": true|false}` → `{data:{hidden}}`: replies to the user's own Tweets only. */
export function hideReply(ctx: ApiContext, id: string, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  checkPathParam("tweet_id", id, ID_PATTERN);
  const { hidden } = parseJsonBody(rawBody, hideReplyBodySchema);
  const outcome = setReplyHidden(ctx.db, { userId: userOf(ctx.caller), tweetId: id, hidden });
  if (outcome === "not_found") throw apiErrors.notFound("tweet", "tweet_id", id);
  if (outcome === "not_reply") throw apiErrors.notAllowed("You can only hide or unhide replies.");
  if (outcome === "not_yours") throw apiErrors.notAllowed("You can only hide or unhide replies to your own Tweets.");
  return { body: { data: { hidden } } };
}

/** A domain refusal that names a missing resource, in X's 404 (writes) shape. */
export function missingTweet(err: unknown, parameter: string, id: string): never {
  if (err instanceof DomainError && err.code === "not_found") throw apiErrors.notFound("tweet", parameter, id);
  throw err;
}

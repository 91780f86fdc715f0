import { findMediaInfo, mediaKeyOf, type MediaInfo } from "@/lib/domain/media-attach";
import { tweetMetrics, userMetrics } from "@/lib/domain/metrics";
import { canSeeTweetsOfId, findProfilesByIds, findProfilesByUsernames, type ProfileUser } from "@/lib/domain/profiles";
import { getTweets, type Tweet } from "@/lib/domain/tweets";
import { mentionedUsernames } from "@/lib/domain/search-text";
import type { ApiContext } from "./context";
import type { Shape } from "./shape";
import { buildTweetObject, referencedTweets } from "./tweet-object";
import { buildUserObject } from "./user-object";

/** User objects in the requested shape (public_metrics counted for the page at once), in the given order. */
export function renderUsers(ctx: ApiContext, users: ProfileUser[], shape: Pick<Shape, "userFields">): Record<string, unknown>[] {
  const metrics = shape.userFields.has("public_metrics") ? userMetrics(ctx.db, users.map((u) => u.id)) : null;
  return users.map((u) =>
    buildUserObject(u, {
      fields: [...shape.userFields],
      emailAllowed: u.id === ctx.caller.userId && ctx.caller.emailAllowed,
      origin: ctx.origin,
      metrics: metrics?.get(u.id),
    }),
  );
}

/** Users by id in the order of `ids` (unknown ids left out). */
export function usersInOrder(ctx: ApiContext, ids: readonly string[]): ProfileUser[] {
  const byId = new Map(findProfilesByIds(ctx.db, ids).map((u) => [u.id, u]));
  return ids.map((id) => byId.get(id)).filter((u): u is ProfileUser => !!u);
}

/** The field an expansion works from; X returns it with the Tweet whether or not tweet.fields asked for it. */
const EXPANSION_FIELDS: Record<string, string> = {
  author_id: "author_id",
  in_reply_to_user_id: "in_reply_to_user_id",
  "referenced_tweets.id": "referenced_tweets",
  "referenced_tweets.id.author_id": "referenced_tweets",
  "attachments.media_keys": "attachments",
  "entities.mentions.username": "entities",
};

function tweetObjects(ctx: ApiContext, tweets: Tweet[], shape: Shape, mentioned: Map<string, string>) {
  const fields = new Set([...shape.tweetFields, ...[...shape.expansions].flatMap((e) => (EXPANSION_FIELDS[e] ? [EXPANSION_FIELDS[e]] : []))]);
  const metrics = fields.has("public_metrics") ? tweetMetrics(ctx.db, tweets.map((t) => t.id)) : null;
  return tweets.map((t) => buildTweetObject(t, fields, { metrics: metrics?.get(t.id), mentionIds: (name) => mentioned.get(name) }));
}

function mediaObject(m: MediaInfo, shape: Shape, origin: string): Record<string, unknown> {
  const out: Record<string, unknown> = { media_key: mediaKeyOf(m.id), type: "photo" };
  if (shape.mediaFields.has("url") && m.imageType) out.url = `${origin}/media/${m.id}.${m.imageType === "jpeg" ? "jpg" : "png"}`;
  if (shape.mediaFields.has("width") && m.width) out.width = m.width;
  if (shape.mediaFields.has("height") && m.height) out.height = m.height;
  return out;
}

/**
 * A list (or one) of Tweets as X answers it: `data` in the requested tweet.fields, and `includes`
 * for the expansions — users (author_id, in_reply_to_user_id, entities.mentions.username,
 * referenced_tweets.id.author_id), tweets (referenced_tweets.id, those the caller may see) and
 * media (attachments.media_keys). Each object once.
 */
export function renderTweets(ctx: ApiContext, tweets: Tweet[], shape: Shape): { data: Record<string, unknown>[]; includes?: Record<string, unknown> } {
  const ex = shape.expansions;
  const referenced = ex.has("referenced_tweets.id")
    ? getTweets(ctx.db, tweets.flatMap((t) => referencedTweets(t).map((r) => r.id))).filter((t) => canSeeTweetsOfId(ctx.db, t.authorId, ctx.caller.userId))
    : [];
  const all = [...tweets, ...referenced];
  const needMentions = ex.has("entities.mentions.username") || shape.tweetFields.has("entities");
  const mentionedUsers = needMentions ? findProfilesByUsernames(ctx.db, all.flatMap((t) => mentionedUsernames(t.text))) : [];
  const mentioned = new Map(mentionedUsers.map((u) => [u.usernameLower, u.id]));

  const userIds: string[] = [];
  if (ex.has("author_id")) userIds.push(...tweets.map((t) => t.authorId));
  if (ex.has("in_reply_to_user_id")) userIds.push(...tweets.flatMap((t) => (t.inReplyToUserId ? [t.inReplyToUserId] : [])));
  if (ex.has("entities.mentions.username")) userIds.push(...mentionedUsers.map((u) => u.id));
  if (ex.has("referenced_tweets.id.author_id")) {
    const refs = referenced.length ? referenced : getTweets(ctx.db, tweets.flatMap((t) => referencedTweets(t).map((r) => r.id)));
    userIds.push(...refs.map((t) => t.authorId)); // user objects are public, whoever may read the Tweet
  }
  const includes: Record<string, unknown> = {};
  const users = usersInOrder(ctx, [...new Set(userIds)]);
  if (users.length) includes.users = renderUsers(ctx, users, shape);
  if (referenced.length) includes.tweets = tweetObjects(ctx, referenced, shape, mentioned);
  if (ex.has("attachments.media_keys")) {
    const media = findMediaInfo(ctx.db, tweets.flatMap((t) => t.mediaIds ?? []));
    if (media.length) includes.media = media.map((m) => mediaObject(m, shape, ctx.origin));
  }
  const data = tweetObjects(ctx, tweets, shape, mentioned);
  return Object.keys(includes).length ? { data, includes } : { data };
}

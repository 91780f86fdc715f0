import type { dmEvents } from "@/db/schema";
import type { TweetMetrics } from "@/lib/domain/metrics";
import { mediaKeyOf } from "@/lib/domain/media-attach";
import type { Tweet } from "@/lib/domain/tweets";

export type TweetRow = Tweet;
export type DmEventRow = typeof dmEvents.$inferSelect;

/** X's `referenced_tweets` of a Tweet: what it replies to, quotes or retweets. */
export function referencedTweets(tweet: TweetRow): { type: "replied_to" | "quoted" | "retweeted"; id: string }[] {
  const out: { type: "replied_to" | "quoted" | "retweeted"; id: string }[] = [];
  if (tweet.retweetedTweetId) out.push({ type: "retweeted", id: tweet.retweetedTweetId });
  if (tweet.quotedTweetId) out.push({ type: "quoted", id: tweet.quotedTweetId });
  if (tweet.inReplyToTweetId) out.push({ type: "replied_to", id: tweet.inReplyToTweetId });
  return out;
}

/** The users a Tweet's text mentions, as X's entities.mentions (positions in code points). */
export function mentionEntities(text: string, idOf: (username: string) => string | undefined) {
  const out: { start: number; end: number; username: string; id?: string }[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9_@])@([A-Za-z0-9_]{1,15})(?![A-Za-z0-9_@])/g)) {
    const start = Array.from(text.slice(0, m.index)).length;
    const id = idOf(m[1]!.toLowerCase());
    out.push({ start, end: start + Array.from(m[0]).length, username: m[1]!, ...(id ? { id } : {}) });
  }
  return out;
}

export interface TweetObjectExtras {
  metrics?: TweetMetrics;
  /** Lower-case username → user id, for entities.mentions. */
  mentionIds?: (username: string) => string | undefined;
}

/**
 * An API Tweet object: `{id, text, edit_history_tweet_ids}` plus the requested tweet.fields the
 * platform has: created_at, author_id, source (the App's name, as X's v2 `source`),
 * conversation_id, in_reply_to_user_id, referenced_tweets, attachments, public_metrics,
 * entities (mentions), reply_settings. X omits a field that does not apply; so does this.
 */
export function buildTweetObject(tweet: TweetRow, fields: readonly string[] | ReadonlySet<string> = [], extras: TweetObjectExtras = {}): Record<string, unknown> {
  const f = fields instanceof Set ? fields : new Set(fields);
  const out: Record<string, unknown> = { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] };
  if (f.has("created_at")) out.created_at = new Date(tweet.createdAt).toISOString();
  if (f.has("author_id")) out.author_id = tweet.authorId;
  if (f.has("source")) out.source = tweet.sourceName;
  if (f.has("conversation_id")) out.conversation_id = tweet.conversationId ?? tweet.id;
  if (f.has("in_reply_to_user_id") && tweet.inReplyToUserId) out.in_reply_to_user_id = tweet.inReplyToUserId;
  const refs = referencedTweets(tweet);
  if (f.has("referenced_tweets") && refs.length) out.referenced_tweets = refs;
  if (f.has("attachments") && tweet.mediaIds?.length) out.attachments = { media_keys: tweet.mediaIds.map(mediaKeyOf) };
  if (f.has("public_metrics") && extras.metrics) out.public_metrics = extras.metrics;
  if (f.has("entities") && extras.mentionIds) {
    const mentions = mentionEntities(tweet.text, extras.mentionIds);
    if (mentions.length) out.entities = { mentions };
  }
  if (f.has("reply_settings")) out.reply_settings = "everyone";
  return out;
}

/** A DM event as the list endpoints return it (every field this platform has, as the brief's shape). */
export function buildDmEventObject(event: DmEventRow): Record<string, unknown> {
  return {
    id: event.id,
    event_type: "MessageCreate",
    text: event.text,
    sender_id: event.senderId,
    dm_conversation_id: event.conversationId,
    created_at: new Date(event.createdAt).toISOString(),
  };
}

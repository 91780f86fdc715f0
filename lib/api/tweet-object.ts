import type { dmEvents, tweets } from "@/db/schema";

export type TweetRow = typeof tweets.$inferSelect;
export type DmEventRow = typeof dmEvents.$inferSelect;

/**
 * An API Tweet object: `{id, text, edit_history_tweet_ids}` plus the requested tweet.fields the
 * platform has (created_at, author_id, source — the App's name, as X's v2 `source`).
 */
export function buildTweetObject(tweet: TweetRow, fields: readonly string[] = []): Record<string, unknown> {
  const f = new Set(fields);
  const out: Record<string, unknown> = { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] };
  if (f.has("created_at")) out.created_at = new Date(tweet.createdAt).toISOString();
  if (f.has("author_id")) out.author_id = tweet.authorId;
  if (f.has("source")) out.source = tweet.sourceName;
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

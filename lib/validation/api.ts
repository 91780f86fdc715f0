import { z } from "zod";
import { USERNAME_PATTERN as USERNAME_REGEX } from "./account";

/** Sandbox API wire rules: X's field names, id patterns and request bodies. */

/** X's `user.fields`; the platform returns the ones it has (see lib/api/user-object.ts). */
export const USER_FIELDS = [
  "affiliation", "confirmed_email", "connection_status", "created_at", "description", "entities", "id", "is_identity_verified",
  "location", "most_recent_tweet_id", "name", "parody", "pinned_tweet_id", "profile_banner_url", "profile_image_url", "protected",
  "public_metrics", "receives_your_dm", "subscription", "subscription_type", "url", "username", "verified", "verified_followers_count",
  "verified_type", "withheld",
] as const;

/** X's `tweet.fields`; the platform returns id, text, edit_history_tweet_ids, created_at, author_id, source. */
export const TWEET_FIELDS = [
  "article", "attachments", "author_id", "card_uri", "community_id", "context_annotations", "conversation_id", "created_at",
  "display_text_range", "edit_controls", "edit_history_tweet_ids", "entities", "geo", "id", "in_reply_to_user_id", "lang",
  "media_metadata", "non_public_metrics", "note_tweet", "organic_metrics", "possibly_sensitive", "promoted_metrics",
  "public_metrics", "referenced_tweets", "reply_settings", "scopes", "source", "text", "withheld",
] as const;

/** X's `dm_event.fields`. */
export const DM_EVENT_FIELDS = [
  "attachments", "created_at", "dm_conversation_id", "entities", "event_type", "id", "participant_ids", "referenced_tweets", "sender_id", "text",
] as const;

export const DM_EVENT_TYPES = ["MessageCreate", "ParticipantsJoin", "ParticipantsLeave"] as const;

export const ID_PATTERN = "^[0-9]{1,19}$";
/** As X prints it in its invalid-request messages. */
export const USERNAME_PATTERN = USERNAME_REGEX.source;
/** One-to-one conversations are `<low id>-<high id>`; groups have a numeric id. */
export const DM_CONVERSATION_ID_PATTERN = "^([0-9]{1,19}-[0-9]{1,19}|[0-9]{1,19})$";

export const idSchema = z.string().regex(new RegExp(ID_PATTERN));

/** X counts a Tweet's length in characters; this platform counts Unicode code points. */
export const MAX_TWEET_LENGTH = 280;
export const MAX_DM_LENGTH = 10_000;
export const MAX_GROUP_PARTICIPANTS = 49;
export const DM_PAGE_SIZE = { min: 1, max: 100, default: 100 } as const;

/** POST /2/tweets (text only on this platform). */
export const createTweetSchema = z.strictObject({ text: z.string() });
export type CreateTweetInput = z.infer<typeof createTweetSchema>;

const messageSchema = z.strictObject({ text: z.string() });

/** POST /2/dm_conversations/:id/messages and /2/dm_conversations/with/:participant_id/messages. */
export const dmMessageSchema = messageSchema;
export type DmMessageInput = z.infer<typeof dmMessageSchema>;

/** POST /2/dm_conversations. */
export const createDmConversationSchema = z.strictObject({
  conversation_type: z.literal("Group"),
  participant_ids: z.array(idSchema).min(1).max(MAX_GROUP_PARTICIPANTS),
  message: messageSchema,
});
export type CreateDmConversationInput = z.infer<typeof createDmConversationSchema>;

/** Code points, as this platform counts Tweet and message length. */
export const textLength = (text: string) => Array.from(text).length;

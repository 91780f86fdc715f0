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

/** X's `media.fields`; the platform returns media_key, type, url, width, height. */
export const MEDIA_FIELDS = [
  "alt_text", "duration_ms", "height", "media_key", "non_public_metrics", "organic_metrics", "preview_image_url", "promoted_metrics",
  "public_metrics", "type", "url", "variants", "width",
] as const;

/** X's `poll.fields` and `place.fields`: accepted, never filled (no polls or places here). */
export const POLL_FIELDS = ["duration_minutes", "end_datetime", "id", "options", "voting_status"] as const;
export const PLACE_FIELDS = ["contained_within", "country", "country_code", "full_name", "geo", "id", "name", "place_type"] as const;

/** X's Tweet `expansions`; the platform expands all but polls and places. */
export const TWEET_EXPANSIONS = [
  "attachments.media_keys", "attachments.poll_ids", "author_id", "edit_history_tweet_ids", "entities.mentions.username", "geo.place_id",
  "in_reply_to_user_id", "referenced_tweets.id", "referenced_tweets.id.author_id",
] as const;

/** X's user `expansions` (no pinned Tweets here: accepted, nothing to include). */
export const USER_EXPANSIONS = ["affiliation.user_id", "most_recent_tweet_id", "pinned_tweet_id"] as const;

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

/** POST /2/tweets: text, a reply, a quote, media (X's other members — polls, geo, … — are refused as unknown). */
export const createTweetSchema = z.strictObject({
  text: z.string(),
  reply: z.strictObject({ in_reply_to_tweet_id: idSchema, exclude_reply_user_ids: z.array(idSchema).optional() }).optional(),
  quote_tweet_id: idSchema.optional(),
  media: z.strictObject({ media_ids: z.array(idSchema).min(1).max(4), tagged_user_ids: z.array(idSchema).optional() }).optional(),
});
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

/** POST /2/users/:id/likes and /retweets. */
export const tweetIdBodySchema = z.strictObject({ tweet_id: idSchema });
/** POST /2/users/:id/following. */
export const followBodySchema = z.strictObject({ target_user_id: idSchema });
/** PUT /2/tweets/:id/hidden. */
export const hideReplyBodySchema = z.strictObject({ hidden: z.boolean() });

/** POST /1.1/account/update_profile.json: X's limits (name 50, url 100, location 30, description 160 characters). */
export const PROFILE_LIMITS = { name: 50, url: 100, location: 30, description: 160 } as const;
export const updateProfileSchema = z.object({
  name: z.string().max(PROFILE_LIMITS.name).optional(),
  url: z.string().max(PROFILE_LIMITS.url).optional(),
  location: z.string().max(PROFILE_LIMITS.location).optional(),
  description: z.string().max(PROFILE_LIMITS.description).optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

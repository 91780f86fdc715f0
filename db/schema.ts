import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  APP_TYPES,
  ENVIRONMENTS,
  PERMISSIONS,
  ROLES,
  TIERS,
  type AppType,
  type Environment,
  type Permission,
  type Role,
  type Tier,
} from "@/lib/validation/enums";

/** Milliseconds since the epoch; every timestamp column uses it. */
const ms = (name: string) => integer(name, { mode: "number" });
const bool = (name: string) => integer(name, { mode: "boolean" });
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export { TIERS, ROLES, ENVIRONMENTS, PERMISSIONS, APP_TYPES };
export type { Tier, Role, Environment, Permission, AppType };

/** Platform accounts ("X accounts"). */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull(),
    usernameLower: text("username_lower").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailLower: text("email_lower").notNull(),
    passwordHash: text("password_hash").notNull(),
    isOperator: bool("is_operator").notNull().default(false),
    description: text("description").notNull().default(""),
    url: text("url").notNull().default(""),
    location: text("location").notNull().default(""),
    protected: bool("protected").notNull().default(false),
    verified: bool("verified").notNull().default(false),
    automatedByUserId: text("automated_by_user_id"),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("users_username_lower_uq").on(t.usernameLower),
    uniqueIndex("users_email_lower_uq").on(t.emailLower),
  ],
);

/** One row per signed-in browser; the session JWT carries its id, deleting the row signs it out. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull().default(now),
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Personal (one per user) or team developer accounts; Projects and Apps belong to one. */
export const developerAccounts = sqliteTable(
  "developer_accounts",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["personal", "team"] }).notNull(),
    name: text("name").notNull(),
    tier: text("tier", { enum: TIERS }).notNull().default("essential"),
    useCase: text("use_case").notNull(),
    personalUserId: text("personal_user_id").references(() => users.id, { onDelete: "cascade" }),
    /**
     * A team's own platform account (its @handle, its Tweets and DMs): what the owner Access Token
     * of a team App acts for. Nobody signs in to it; its admins manage it. Null for personal accounts.
     */
    identityUserId: text("identity_user_id").references(() => users.id),
    agreedAt: ms("agreed_at").notNull(),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("developer_accounts_personal_uq").on(t.personalUserId), uniqueIndex("developer_accounts_identity_uq").on(t.identityUserId)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    accountId: text("account_id")
      .notNull()
      .references(() => developerAccounts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const teamInvitations = sqliteTable(
  "team_invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: text("account_id")
      .notNull()
      .references(() => developerAccounts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    invitedBy: text("invited_by").notNull(),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("team_invitations_uq").on(t.accountId, t.userId)],
);

export const projects = sqliteTable(
  "projects",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => developerAccounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    useCase: text("use_case").notNull().default(""),
    createdAt: ms("created_at").notNull().default(now),
    updatedAt: ms("updated_at").notNull().default(now),
  },
  (t) => [index("projects_account_idx").on(t.accountId, t.createdAt)],
);

export const apps = sqliteTable(
  "apps",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => developerAccounts.id, { onDelete: "cascade" }),
    projectId: text("project_id").references(() => projects.id, { onDelete: "set null" }),
    ownerUserId: text("owner_user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    nameLower: text("name_lower").notNull(),
    description: text("description").notNull().default(""),
    websiteUrl: text("website_url").notNull().default(""),
    callbackUrls: text("callback_urls", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    termsUrl: text("terms_url").notNull().default(""),
    privacyUrl: text("privacy_url").notNull().default(""),
    organizationName: text("organization_name").notNull().default(""),
    organizationUrl: text("organization_url").notNull().default(""),
    useCase: text("use_case").notNull().default(""),
    environment: text("environment", { enum: ENVIRONMENTS }).notNull().default("development"),
    status: text("status", { enum: ["active", "suspended"] }).notNull().default("active"),
    suspendedReason: text("suspended_reason"),
    oauth1Enabled: bool("oauth1_enabled").notNull().default(false),
    oauth2Enabled: bool("oauth2_enabled").notNull().default(false),
    permission: text("permission", { enum: PERMISSIONS }).notNull().default("read"),
    requestEmail: bool("request_email").notNull().default(false),
    appType: text("app_type", { enum: APP_TYPES }),
    signInWithX: bool("sign_in_with_x").notNull().default(true),
    clientId: text("client_id").notNull(),
    iconVersion: integer("icon_version").notNull().default(0),
    createdAt: ms("created_at").notNull().default(now),
    updatedAt: ms("updated_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("apps_name_lower_uq").on(t.nameLower),
    uniqueIndex("apps_client_id_uq").on(t.clientId),
    index("apps_account_idx").on(t.accountId, t.createdAt),
    index("apps_project_idx").on(t.projectId),
    // The operator's Apps list pages through all Apps newest first.
    index("apps_created_idx").on(t.createdAt),
  ],
);

export const appIcons = sqliteTable("app_icons", {
  appId: text("app_id")
    .primaryKey()
    .references(() => apps.id, { onDelete: "cascade" }),
  png: blob("png", { mode: "buffer" }).notNull(),
  updatedAt: ms("updated_at").notNull().default(now),
});

export const CREDENTIAL_KINDS = ["consumer", "bearer", "client_secret"] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/**
 * App credentials. `lookup` is the API Key itself for "consumer" (an identifier) and a keyed
 * hash for bearer tokens and client secrets. `secretEnc` holds AES-256-GCM ciphertext where the
 * value must be recovered (API Key Secret for HMAC-SHA1, bearer token to hand out again).
 * A row with `expiresAt` set is a superseded credential kept alive for a rotation grace period.
 */
export const credentials = sqliteTable(
  "credentials",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    appId: text("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CREDENTIAL_KINDS }).notNull(),
    lookup: text("lookup").notNull(),
    secretEnc: text("secret_enc"),
    hint: text("hint").notNull(),
    secretHint: text("secret_hint").notNull().default(""),
    createdAt: ms("created_at").notNull().default(now),
    expiresAt: ms("expires_at"),
  },
  (t) => [
    uniqueIndex("credentials_lookup_uq").on(t.kind, t.lookup),
    index("credentials_app_idx").on(t.appId, t.kind),
  ],
);

/** OAuth 1.0a user access tokens (portal-generated for the owner, or from the 3-legged flow). */
export const oauth1Tokens = sqliteTable(
  "oauth1_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    appId: text("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    secretEnc: text("secret_enc").notNull(),
    secretHint: text("secret_hint").notNull(),
    accessLevel: text("access_level", { enum: PERMISSIONS }).notNull(),
    source: text("source", { enum: ["portal", "oauth"] }).notNull(),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("oauth1_tokens_token_uq").on(t.token),
    index("oauth1_tokens_app_user_idx").on(t.appId, t.userId),
  ],
);

export const oauth1RequestTokens = sqliteTable(
  "oauth1_request_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    appId: text("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    secretEnc: text("secret_enc").notNull(),
    callback: text("callback").notNull(),
    accessLevel: text("access_level", { enum: PERMISSIONS }).notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    verifierHash: text("verifier_hash"),
    expiresAt: ms("expires_at").notNull(),
    usedAt: ms("used_at"),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("oauth1_request_tokens_hash_uq").on(t.tokenHash)],
);

export const oauth1Nonces = sqliteTable(
  "oauth1_nonces",
  {
    consumerKey: text("consumer_key").notNull(),
    nonce: text("nonce").notNull(),
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.consumerKey, t.nonce] }), index("oauth1_nonces_exp_idx").on(t.expiresAt)],
);

/** One live OAuth 2.0 grant per (App, user); codes and tokens hang off it as one family. */
export const oauth2Grants = sqliteTable(
  "oauth2_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    appId: text("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    scope: text("scope").notNull(),
    createdAt: ms("created_at").notNull().default(now),
    revokedAt: ms("revoked_at"),
  },
  (t) => [index("oauth2_grants_app_user_idx").on(t.appId, t.userId)],
);

export const oauth2Codes = sqliteTable(
  "oauth2_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    grantId: integer("grant_id")
      .notNull()
      .references(() => oauth2Grants.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    redirectUri: text("redirect_uri").notNull(),
    codeChallenge: text("code_challenge").notNull(),
    codeChallengeMethod: text("code_challenge_method", { enum: ["S256", "plain"] }).notNull(),
    expiresAt: ms("expires_at").notNull(),
    usedAt: ms("used_at"),
  },
  (t) => [uniqueIndex("oauth2_codes_hash_uq").on(t.codeHash)],
);

export const oauth2Tokens = sqliteTable(
  "oauth2_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    grantId: integer("grant_id")
      .notNull()
      .references(() => oauth2Grants.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["access", "refresh"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: ms("expires_at"),
    usedAt: ms("used_at"),
    revokedAt: ms("revoked_at"),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("oauth2_tokens_hash_uq").on(t.tokenHash), index("oauth2_tokens_grant_idx").on(t.grantId)],
);

/** Connected apps: what a user has authorized, and through which protocol. */
export const authorizations = sqliteTable(
  "authorizations",
  {
    appId: text("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    oauth1AccessLevel: text("oauth1_access_level", { enum: PERMISSIONS }),
    oauth2Scope: text("oauth2_scope"),
    createdAt: ms("created_at").notNull().default(now),
    updatedAt: ms("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.appId, t.userId] }), index("authorizations_user_idx").on(t.userId)],
);

/**
 * Tweets, replies, quotes and retweets (a retweet is a row pointing at its original, as X's v2
 * `referenced_tweets` does). Timelines page by (created_at, id): ids are snowflakes of
 * created_at, so within one millisecond the text order of ids is their numeric order.
 */
export const tweets = sqliteTable(
  "tweets",
  {
    id: text("id").primaryKey(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    sourceAppId: text("source_app_id").references(() => apps.id, { onDelete: "set null" }),
    sourceName: text("source_name").notNull(),
    sourceUrl: text("source_url").notNull(),
    createdAt: ms("created_at").notNull().default(now),
    /** Replies keep these when the parent is deleted, as on X. */
    inReplyToTweetId: text("in_reply_to_tweet_id"),
    inReplyToUserId: text("in_reply_to_user_id"),
    /** The first Tweet of the reply chain (null: the Tweet itself). */
    conversationId: text("conversation_id"),
    quotedTweetId: text("quoted_tweet_id"),
    /** A retweet goes with its original (lib/domain/tweets.ts deletes both in one transaction). */
    retweetedTweetId: text("retweeted_tweet_id"),
    /** Hidden by the author of the Tweet it replies to (PUT /2/tweets/:id/hidden). */
    replyHidden: bool("reply_hidden").notNull().default(false),
    /** Ids of the media attached (media.media_ids). */
    mediaIds: text("media_ids", { mode: "json" }).$type<string[]>(),
    /** The text as recent search matches it: lower-case words between single spaces (lib/domain/search-text.ts). */
    searchText: text("search_text").notNull().default(""),
  },
  (t) => [
    index("tweets_author_idx").on(t.authorId, t.createdAt, t.id),
    // Recent search walks the last 7 days newest first when no operator narrows it.
    index("tweets_created_idx").on(t.createdAt, t.id),
    index("tweets_reply_to_idx").on(t.inReplyToTweetId, t.createdAt).where(sql`${t.inReplyToTweetId} is not null`),
    index("tweets_reply_user_idx").on(t.inReplyToUserId, t.createdAt, t.id).where(sql`${t.inReplyToUserId} is not null`),
    index("tweets_quote_idx").on(t.quotedTweetId, t.createdAt).where(sql`${t.quotedTweetId} is not null`),
    index("tweets_retweet_idx").on(t.retweetedTweetId, t.createdAt, t.id).where(sql`${t.retweetedTweetId} is not null`),
    uniqueIndex("tweets_retweet_uq").on(t.authorId, t.retweetedTweetId).where(sql`${t.retweetedTweetId} is not null`),
  ],
);

/** Who a Tweet mentions (@username in its text, and the author replied to): the mentions timeline. */
export const tweetMentions = sqliteTable(
  "tweet_mentions",
  {
    tweetId: text("tweet_id")
      .notNull()
      .references(() => tweets.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tweetId, t.userId] }), index("tweet_mentions_user_idx").on(t.userId, t.createdAt, t.tweetId)],
);

/** Follows; a follow of a protected account is pending until accepted, and only an accepted one shows its Tweets. */
export const follows = sqliteTable(
  "follows",
  {
    followerId: text("follower_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    followeeId: text("followee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    pending: bool("pending").notNull().default(false),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    index("follows_following_idx").on(t.followerId, t.createdAt, t.followeeId),
    index("follows_followers_idx").on(t.followeeId, t.createdAt, t.followerId),
  ],
);

export const likes = sqliteTable(
  "likes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tweetId: text("tweet_id")
      .notNull()
      .references(() => tweets.id, { onDelete: "cascade" }),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.tweetId] }),
    index("likes_user_idx").on(t.userId, t.createdAt, t.tweetId),
    index("likes_tweet_idx").on(t.tweetId, t.createdAt, t.userId),
  ],
);

export const MEDIA_STATES = ["pending", "succeeded", "failed"] as const;

/**
 * Uploaded images: chunks collect in media_chunks until FINALIZE re-encodes them into `image`.
 * The media key X hands out is `3_<id>`.
 */
export const media = sqliteTable(
  "media",
  {
    id: text("id").primaryKey(),
    ownerUserId: text("owner_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    appId: text("app_id").references(() => apps.id, { onDelete: "set null" }),
    mediaType: text("media_type").notNull(),
    mediaCategory: text("media_category").notNull(),
    totalBytes: integer("total_bytes").notNull(),
    state: text("state", { enum: MEDIA_STATES }).notNull().default("pending"),
    width: integer("width"),
    height: integer("height"),
    /** The re-encoded image (PNG or JPEG), once finalized. */
    image: blob("image", { mode: "buffer" }),
    imageType: text("image_type", { enum: ["png", "jpeg"] }),
    createdAt: ms("created_at").notNull(),
    /** Until when the id may be attached to a Tweet (X: 24 hours). */
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [index("media_expires_idx").on(t.expiresAt)],
);

export const mediaChunks = sqliteTable(
  "media_chunks",
  {
    mediaId: text("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    segmentIndex: integer("segment_index").notNull(),
    data: blob("data", { mode: "buffer" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.mediaId, t.segmentIndex] })],
);

export const dmConversations = sqliteTable("dm_conversations", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: ["one_to_one", "group"] }).notNull(),
  createdAt: ms("created_at").notNull().default(now),
});

export const dmParticipants = sqliteTable(
  "dm_participants",
  {
    conversationId: text("conversation_id")
      .notNull()
      .references(() => dmConversations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.userId] }), index("dm_participants_user_idx").on(t.userId)],
);

export const dmEvents = sqliteTable(
  "dm_events",
  {
    id: text("id").primaryKey(),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => dmConversations.id, { onDelete: "cascade" }),
    senderId: text("sender_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [index("dm_events_conversation_idx").on(t.conversationId, t.createdAt)],
);

/** Who changed what on a Project or App; `details` never holds a secret. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: text("account_id")
      .notNull()
      .references(() => developerAccounts.id, { onDelete: "cascade" }),
    projectId: text("project_id"),
    appId: text("app_id"),
    actorUserId: text("actor_user_id"),
    action: text("action").notNull(),
    details: text("details", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    createdAt: ms("created_at").notNull().default(now),
  },
  (t) => [
    index("audit_log_app_idx").on(t.appId, t.id),
    index("audit_log_project_idx").on(t.projectId, t.id),
  ],
);

/** Every e-mail the platform sends; delivered through SMTP too when SMTP_URL is set. */
export const outbox = sqliteTable("outbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  toUserId: text("to_user_id").references(() => users.id, { onDelete: "set null" }),
  toEmail: text("to_email").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  status: text("status", { enum: ["stored", "sent", "failed"] }).notNull().default("stored"),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  createdAt: ms("created_at").notNull().default(now),
  sentAt: ms("sent_at"),
});

/**
 * One row, rewritten by the storage probe (lib/domain/storage-probe.ts) while writes fail: a
 * committed write of a few pages, to tell when the database takes writes again.
 */
export const storageProbes = sqliteTable("storage_probes", {
  id: integer("id").primaryKey(),
  pad: blob("pad", { mode: "buffer" }).notNull(),
  checkedAt: ms("checked_at").notNull(),
});

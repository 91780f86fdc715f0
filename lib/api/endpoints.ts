import type { Scope } from "@/lib/oauth2/scopes";
import type { Permission } from "@/lib/validation/enums";

export type AuthType = "oauth1" | "oauth2-user" | "app-only";

/** What an endpoint accepts and needs, as X documents it; the resolver enforces it. */
export interface EndpointSpec {
  id: string;
  version: "2" | "1.1";
  auth: readonly AuthType[];
  /** OAuth 1.0a permission the token must have. */
  oauth1: Permission;
  /** OAuth 2.0 scopes a user token must all have. */
  scopes: readonly Scope[];
  /** Requests per 15-minute window: per (App, user) for user context, per App for app-only. */
  limits: { user: number; app?: number };
}

const USER = ["oauth1", "oauth2-user"] as const;
const ANY = ["oauth1", "oauth2-user", "app-only"] as const;
const READ: Scope[] = ["tweet.read", "users.read"];
const DM_READ: Scope[] = ["dm.read", "tweet.read", "users.read"];
const DM_WRITE: Scope[] = ["dm.write", "dm.read", "tweet.read", "users.read"];

const v2 = (id: string, spec: Omit<EndpointSpec, "id" | "version">): EndpointSpec => ({ id, version: "2", ...spec });
const v1 = (id: string, spec: Omit<EndpointSpec, "id" | "version" | "auth" | "scopes">): EndpointSpec => ({ id, version: "1.1", auth: ["oauth1"], scopes: [], ...spec });

/**
 * X's per-endpoint rules. 15-minute limits from X's v2 rate-limit table (docs.x.com, "Rate
 * limits"); the rows of issue 20 use the current table. Undocumented, this platform's choice: the
 * v1.1 media upload (as POST /2/media/upload) and update_profile (as the other writes, 50).
 */
export const ENDPOINTS = {
  usersMe: v2("users.me", { auth: USER, oauth1: "read", scopes: ["tweet.read", "users.read"], limits: { user: 75 } }),
  userById: v2("users.id", { auth: ANY, oauth1: "read", scopes: ["tweet.read", "users.read"], limits: { user: 900, app: 300 } }),
  userByUsername: v2("users.username", { auth: ANY, oauth1: "read", scopes: ["tweet.read", "users.read"], limits: { user: 900, app: 300 } }),
  createTweet: v2("tweets.create", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "tweet.write", "users.read"], limits: { user: 200 } }),
  getTweet: v2("tweets.id", { auth: ANY, oauth1: "read", scopes: ["tweet.read", "users.read"], limits: { user: 900, app: 450 } }),
  deleteTweet: v2("tweets.delete", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "tweet.write", "users.read"], limits: { user: 50 } }),
  dmSendToConversation: v2("dm.send.conversation", { auth: USER, oauth1: "read-write-directmessages", scopes: DM_WRITE, limits: { user: 200 } }),
  dmCreateConversation: v2("dm.create", { auth: USER, oauth1: "read-write-directmessages", scopes: DM_WRITE, limits: { user: 200 } }),
  dmSendToParticipant: v2("dm.send.with", { auth: USER, oauth1: "read-write-directmessages", scopes: DM_WRITE, limits: { user: 200 } }),
  dmEventsWith: v2("dm.events.with", { auth: USER, oauth1: "read-write-directmessages", scopes: DM_READ, limits: { user: 300 } }),
  dmEventsOfConversation: v2("dm.events.conversation", { auth: USER, oauth1: "read-write-directmessages", scopes: DM_READ, limits: { user: 300 } }),
  dmEvents: v2("dm.events", { auth: USER, oauth1: "read-write-directmessages", scopes: DM_READ, limits: { user: 300 } }),
  tweetsByIds: v2("tweets.lookup", { auth: ANY, oauth1: "read", scopes: READ, limits: { user: 5000, app: 3500 } }),
  hideReply: v2("tweets.hidden", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "tweet.moderate.write", "users.read"], limits: { user: 50 } }),
  userTweets: v2("users.tweets", { auth: ANY, oauth1: "read", scopes: READ, limits: { user: 900, app: 10000 } }),
  userMentions: v2("users.mentions", { auth: ANY, oauth1: "read", scopes: READ, limits: { user: 300, app: 450 } }),
  homeTimeline: v2("users.timelines.reverse_chronological", { auth: USER, oauth1: "read", scopes: READ, limits: { user: 180 } }),
  searchRecent: v2("tweets.search.recent", { auth: ANY, oauth1: "read", scopes: READ, limits: { user: 300, app: 450 } }),
  like: v2("users.likes.create", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "users.read", "like.write"], limits: { user: 50 } }),
  unlike: v2("users.likes.delete", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "users.read", "like.write"], limits: { user: 50 } }),
  likingUsers: v2("tweets.liking_users", { auth: ANY, oauth1: "read", scopes: ["tweet.read", "users.read", "like.read"], limits: { user: 75, app: 75 } }),
  likedTweets: v2("users.liked_tweets", { auth: ANY, oauth1: "read", scopes: ["tweet.read", "users.read", "like.read"], limits: { user: 75, app: 75 } }),
  retweet: v2("users.retweets.create", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "tweet.write", "users.read"], limits: { user: 50 } }),
  unretweet: v2("users.retweets.delete", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "tweet.write", "users.read"], limits: { user: 50 } }),
  retweetedBy: v2("tweets.retweeted_by", { auth: ANY, oauth1: "read", scopes: READ, limits: { user: 75, app: 75 } }),
  follow: v2("users.following.create", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "users.read", "follows.write"], limits: { user: 50 } }),
  unfollow: v2("users.following.delete", { auth: USER, oauth1: "read-write", scopes: ["tweet.read", "users.read", "follows.write"], limits: { user: 50 } }),
  following: v2("users.following", { auth: ANY, oauth1: "read", scopes: ["tweet.read", "users.read", "follows.read"], limits: { user: 300, app: 300 } }),
  followers: v2("users.followers", { auth: ANY, oauth1: "read", scopes: ["tweet.read", "users.read", "follows.read"], limits: { user: 300, app: 300 } }),
  mediaUpload: v2("media.upload", { auth: USER, oauth1: "read-write", scopes: ["media.write"], limits: { user: 500 } }),
  mediaStatus: v2("media.upload.status", { auth: USER, oauth1: "read-write", scopes: ["media.write"], limits: { user: 1000 } }),
  mediaInitialize: v2("media.upload.initialize", { auth: USER, oauth1: "read-write", scopes: ["media.write"], limits: { user: 1875 } }),
  mediaAppend: v2("media.upload.append", { auth: USER, oauth1: "read-write", scopes: ["media.write"], limits: { user: 1875 } }),
  mediaFinalize: v2("media.upload.finalize", { auth: USER, oauth1: "read-write", scopes: ["media.write"], limits: { user: 1875 } }),
  verifyCredentials: v1("account.verify_credentials", { oauth1: "read", limits: { user: 75 } }),
  updateProfile: v1("account.update_profile", { oauth1: "read-write", limits: { user: 50 } }),
  mediaUploadV1: v1("media.upload.v1", { oauth1: "read-write", limits: { user: 500 } }),
} as const satisfies Record<string, EndpointSpec>;

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
const DM_READ: Scope[] = ["dm.read", "tweet.read", "users.read"];
const DM_WRITE: Scope[] = ["dm.write", "dm.read", "tweet.read", "users.read"];

const v2 = (id: string, spec: Omit<EndpointSpec, "id" | "version">): EndpointSpec => ({ id, version: "2", ...spec });

/** X's per-endpoint rules (15-minute limits from X's v2 rate-limit table). */
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
  verifyCredentials: {
    id: "account.verify_credentials",
    version: "1.1",
    auth: ["oauth1"],
    oauth1: "read",
    scopes: [],
    limits: { user: 75 },
  },
} as const satisfies Record<string, EndpointSpec>;

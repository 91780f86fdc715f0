import { MEDIA_FIELDS, PLACE_FIELDS, POLL_FIELDS, TWEET_EXPANSIONS, TWEET_FIELDS, USER_EXPANSIONS, USER_FIELDS } from "@/lib/validation/api";
import type { ParsedQuery, QueryRules } from "./query";

/** The fields and expansions parameters of endpoints that answer Tweets. */
export const TWEET_SHAPE_RULES: QueryRules = {
  expansions: { kind: "list", allowed: TWEET_EXPANSIONS },
  "tweet.fields": { kind: "list", allowed: TWEET_FIELDS },
  "user.fields": { kind: "list", allowed: USER_FIELDS },
  "media.fields": { kind: "list", allowed: MEDIA_FIELDS },
  "poll.fields": { kind: "list", allowed: POLL_FIELDS },
  "place.fields": { kind: "list", allowed: PLACE_FIELDS },
};

/** The fields and expansions parameters of endpoints that answer users. */
export const USER_SHAPE_RULES: QueryRules = {
  expansions: { kind: "list", allowed: USER_EXPANSIONS },
  "user.fields": { kind: "list", allowed: USER_FIELDS },
  "tweet.fields": { kind: "list", allowed: TWEET_FIELDS },
};

/** What the caller asked to see of each object. */
export interface Shape {
  tweetFields: ReadonlySet<string>;
  userFields: ReadonlySet<string>;
  mediaFields: ReadonlySet<string>;
  expansions: ReadonlySet<string>;
}

const set = (v: ParsedQuery[string]) => new Set(Array.isArray(v) ? v : []);

export const shapeOf = (query: ParsedQuery): Shape => ({
  tweetFields: set(query["tweet.fields"]),
  userFields: set(query["user.fields"]),
  mediaFields: set(query["media.fields"]),
  expansions: set(query.expansions),
});

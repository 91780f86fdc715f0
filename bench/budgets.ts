/**
 * Issue 18's budgets: each platform path as a ratio to a yardstick measured in the same run —
 * the peer (node-oidc-provider, bench/peer.ts) for the two endpoints it has, the reference routes
 * (bench/reference-routes.ts: one keyed hash + one indexed lookup; one insert) for the others.
 * Each path runs between two runs of its yardstick; the ratio is to their mean.
 */
export const RATIO_BUDGETS = [
  { workload: "clientCredentials", yardstick: "peerClientCredentials", min: 2.0, label: "client_credentials / node-oidc-provider client_credentials" },
  { workload: "introspect", yardstick: "peerIntrospect", min: 2.0, label: "introspect / node-oidc-provider introspection" },
  { workload: "bearerMe", yardstick: "refLookup", min: 0.8, label: "users/me OAuth 2.0 bearer / one-lookup route" },
  { workload: "oauth1Me", yardstick: "refInsert", min: 0.5, label: "users/me OAuth 1.0a (fresh nonce) / insert route" },
  { workload: "refresh", yardstick: "refInsert", min: 0.35, label: "refresh_token / insert route" },
  { workload: "tweets", yardstick: "refInsert", min: 0.6, label: "POST /2/tweets / insert route" },
] as const;

/** The yardsticks (each measured right before and right after the paths it is a yardstick for). */
export const YARDSTICKS = [
  { workload: "refLookup", name: "yardstick: one keyed hash + one indexed token lookup (Hono route)" },
  { workload: "refInsert", name: "yardstick: one insert (Hono route)" },
  { workload: "peerClientCredentials", name: "peer: node-oidc-provider POST /token client_credentials" },
  { workload: "peerIntrospect", name: "peer: node-oidc-provider POST /token/introspection" },
] as const;

/** The platform paths the ratios are about. */
export const PLATFORM_PATHS = [
  { workload: "clientCredentials", name: "POST /oauth2/token client_credentials" },
  { workload: "introspect", name: "POST /2/oauth2/introspect" },
  { workload: "bearerMe", name: "GET /2/users/me OAuth 2.0 bearer" },
  { workload: "oauth1Me", name: "GET /2/users/me OAuth 1.0a HMAC-SHA1" },
  { workload: "refresh", name: "POST /2/oauth2/token refresh_token" },
  { workload: "tweets", name: "POST /2/tweets OAuth 2.0" },
] as const;

export const MEMORY_BUDGETS = {
  /** Heap retained after a forced full GC, after all requests of the mix / after the first `memoryMark`. */
  heapGrowth: 1.2,
  /** Server RSS after the platform mix, MB. */
  rssAfterMixMB: 400,
} as const;

export const PORTAL_BUDGETS = {
  /** Time per page relative to /signin. */
  pageTimeRatio: 3,
  /** Gzipped JS of a route relative to the bare page. */
  pageWeightRatio: 1.5,
} as const;

export const SCALE_BUDGET = 0.9;

/** Knobs of a bench run; every one has an env override so a quick run is easy (BENCH_DURATION=2). */
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);

export const CONFIG = {
  /** Measured seconds per workload, after the warm-up. */
  duration: num("BENCH_DURATION", 6),
  warmup: num("BENCH_WARMUP", 2),
  connections: num("BENCH_CONNECTIONS", 20),
  /** Apps for the platform workloads: token-endpoint limits are per client, so load is spread over many. */
  apps: num("BENCH_APPS", 1000),
  /** OAuth 2.0 grants per App for bearer workloads (users/me allows 75 calls per (App, user) per 15 min). */
  bearerUsers: num("BENCH_BEARER_USERS", 8),
  refreshUsers: num("BENCH_REFRESH_USERS", 2),
  oauth1Users: num("BENCH_OAUTH1_USERS", 2),
  /** Requests of the memory run; RSS is read after the first `memoryMark` and at the end. */
  memoryRequests: num("BENCH_MEMORY_REQUESTS", 200_000),
  memoryMark: num("BENCH_MEMORY_MARK", 10_000),
  /** Scale phase totals (rows in the database when the bearer workload is measured again). */
  scaleApps: num("BENCH_SCALE_APPS", 100_000),
  scaleUsers: num("BENCH_SCALE_USERS", 200_000),
  scaleTokens: num("BENCH_SCALE_TOKENS", 1_000_000),
  /** Home timeline at scale: Tweets in the table, accounts posting them, accounts each reader follows. */
  scaleTweets: num("BENCH_SCALE_TWEETS", 1_000_000),
  timelineAuthors: num("BENCH_TIMELINE_AUTHORS", 10_000),
  timelineFollows: num("BENCH_TIMELINE_FOLLOWS", 200),
  /** Clients registered with the peer (node-oidc-provider); the load rotates through them. */
  peerClients: num("BENCH_PEER_CLIENTS", 50),
  skipScale: process.env.BENCH_SKIP_SCALE === "1",
  skipPageWeight: process.env.BENCH_SKIP_PAGE_WEIGHT === "1",
  cpuProf: process.env.BENCH_CPU_PROF === "1",
  distDir: process.env.NEXT_DIST_DIR || ".next-bench",
};

export const SEED_PASSWORD = "bench horse battery staple";
export const REDIRECT_URI = "https://client.example/callback";
export const CODE_VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
export const SCOPE = "tweet.read tweet.write users.read offline.access";

/** The peer's clients (bench/peer.ts registers them, the load process rotates through them). */
export const peerClients = (count = CONFIG.peerClients) =>
  Array.from({ length: count }, (_, i) => ({ clientId: `peer-client-${i}`, clientSecret: `peer-secret-${i}-${"s".repeat(32)}` }));

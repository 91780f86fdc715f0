import { createHmac, randomBytes } from "node:crypto";
import { peerClients } from "./config";
import type { Pools } from "./seed";

/** The subset of autocannon's request object the workloads set. */
export interface BenchRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: BenchRequest) => BenchRequest | null;
  onResponse?: (status: number, body: string) => void;
}

/** What the load process hands to autocannon for one workload. */
export interface WorkloadPlan {
  requests?: BenchRequest[];
  /** Called once per connection: per-connection requests (refresh-token chains). */
  perConnection?: (index: number) => BenchRequest[];
  /** After a run: forget state that a cut-off in-flight request may have spent. */
  afterRun?: () => void;
  /** Before a run (warm-up and measured each): get what the requests present, from the target itself. */
  prepare?: (url: string) => Promise<void>;
}

const FORM = "application/x-www-form-urlencoded";
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/** Round-robin over a pool, shared by every connection of the process. */
function rotate<T>(pool: T[]): () => T {
  if (pool.length === 0) throw new Error("empty pool");
  let i = 0;
  return () => pool[i++ % pool.length]!;
}

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** RFC 5849 HMAC-SHA1 Authorization header for a request without query or body parameters. */
export function oauth1Header(method: string, url: string, c: Pools["oauth1"][number], nonce: string, timestamp: number): string {
  const params: Record<string, string> = {
    oauth_consumer_key: c.consumerKey,
    oauth_nonce: nonce,
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: String(timestamp),
    oauth_token: c.token,
    oauth_version: "1.0",
  };
  const normalized = Object.keys(params)
    .sort()
    .map((k) => `${rfc3986(k)}=${rfc3986(params[k]!)}`)
    .join("&");
  const base = `${method}&${rfc3986(url)}&${rfc3986(normalized)}`;
  params.oauth_signature = createHmac("sha1", `${rfc3986(c.consumerSecret)}&${rfc3986(c.tokenSecret)}`).update(base).digest("base64");
  return `OAuth ${Object.entries(params)
    .map(([k, v]) => `${k}="${rfc3986(v)}"`)
    .join(", ")}`;
}

export function buildWorkloads(pools: Pools, baseUrl: string, connections: number) {
  const consumer = rotate(pools.consumers);
  const introspect = rotate(pools.introspect);
  const bearer = rotate(pools.bearers);
  const oauth1 = rotate(pools.oauth1);
  const timeline = rotate(pools.timeline);
  let tweetNo = 0;
  let nonceNo = 0;
  const noncePrefix = randomBytes(8).toString("hex");

  const clientCredentials: BenchRequest = {
    method: "POST",
    path: "/oauth2/token",
    headers: { "content-type": FORM },
    body: "grant_type=client_credentials",
    setupRequest: (req) => {
      const c = consumer();
      req.headers = { ...req.headers, authorization: basic(c.apiKey, c.apiKeySecret) };
      return req;
    },
  };
  const introspection: BenchRequest = {
    method: "POST",
    path: "/2/oauth2/introspect",
    headers: { "content-type": FORM },
    setupRequest: (req) => {
      const c = introspect();
      req.headers = { ...req.headers, authorization: basic(c.clientId, c.clientSecret) };
      req.body = `token=${encodeURIComponent(c.token)}`;
      return req;
    },
  };
  const bearerMe: BenchRequest = {
    method: "GET",
    path: "/2/users/me",
    setupRequest: (req) => {
      req.headers = { ...req.headers, authorization: `Bearer ${bearer()}` };
      return req;
    },
  };
  const oauth1Me: BenchRequest = {
    method: "GET",
    path: "/2/users/me",
    setupRequest: (req) => {
      const nonce = `${noncePrefix}${(nonceNo++).toString(36)}`;
      req.headers = { ...req.headers, authorization: oauth1Header("GET", `${baseUrl}/2/users/me`, oauth1(), nonce, Math.floor(Date.now() / 1000)) };
      return req;
    },
  };
  const tweet: BenchRequest = {
    method: "POST",
    path: "/2/tweets",
    headers: { "content-type": "application/json" },
    setupRequest: (req) => {
      req.headers = { ...req.headers, authorization: `Bearer ${bearer()}` };
      req.body = JSON.stringify({ text: `Benchmark tweet ${tweetNo++} from the load generator` });
      return req;
    },
  };

  // The home timeline, a page of 100 (X's default) for a user following CONFIG.timelineFollows accounts.
  const homeTimeline: BenchRequest = {
    method: "GET",
    setupRequest: (req) => {
      const t = timeline();
      req.path = `/2/users/${t.userId}/timelines/reverse_chronological?max_results=100`;
      req.headers = { ...req.headers, authorization: `Bearer ${t.bearer}` };
      return req;
    },
  };

  // Refresh tokens are single-use: each connection owns a disjoint set of grants and presents the
  // refresh token the previous answer handed out. A slot whose request was cut off by the end of a
  // run is retired (its token may be spent; presenting it again would revoke the grant).
  const slots = pools.refresh.map((r) => ({ ...r, inFlight: false, dead: false }));
  const refreshChain = (index: number): BenchRequest[] => {
    const mine = slots.filter((_, i) => i % connections === index);
    let k = 0;
    let current = mine[0]!;
    return [
      {
        method: "POST",
        path: "/2/oauth2/token",
        headers: { "content-type": FORM },
        setupRequest: (req) => {
          for (let tries = 0; tries <= mine.length; tries++) {
            current = mine[k++ % mine.length]!;
            if (!current.dead && !current.inFlight) break;
          }
          if (current.dead || current.inFlight) throw new Error("refresh: no usable grant left on this connection");
          current.inFlight = true;
          req.headers = { ...req.headers, authorization: basic(current.clientId, current.clientSecret) };
          req.body = `grant_type=refresh_token&refresh_token=${encodeURIComponent(current.refreshToken)}`;
          return req;
        },
        onResponse: (status, body) => {
          current.inFlight = false;
          if (status === 200) current.refreshToken = (JSON.parse(body) as { refresh_token: string }).refresh_token;
          else current.dead = true;
        },
      },
    ];
  };

  // The peer (bench/peer.ts): the same two requests to node-oidc-provider's endpoints.
  const peer = rotate(peerClients());
  let peerToken: () => PeerToken = () => {
    throw new Error("peer tokens not minted");
  };
  const peerClientCredentials: BenchRequest = {
    ...clientCredentials,
    path: "/token",
    setupRequest: (req) => {
      const c = peer();
      req.headers = { ...req.headers, authorization: basic(c.clientId, c.clientSecret) };
      return req;
    },
  };
  const peerIntrospection: BenchRequest = {
    ...introspection,
    path: "/token/introspection",
    setupRequest: (req) => {
      const t = peerToken();
      req.headers = { ...req.headers, authorization: basic(t.clientId, t.clientSecret) };
      req.body = `token=${encodeURIComponent(t.token)}`;
      return req;
    },
  };

  const plans: Record<string, (extra: { path?: string; headers?: Record<string, string> }) => WorkloadPlan> = {
    health: () => ({ requests: [{ method: "GET", path: "/api/health" }] }),
    page: ({ path, headers }) => ({ requests: [{ method: "GET", path, headers }] }),
    clientCredentials: () => ({ requests: [clientCredentials] }),
    introspect: () => ({ requests: [introspection] }),
    bearerMe: () => ({ requests: [bearerMe] }),
    oauth1Me: () => ({ requests: [oauth1Me] }),
    refresh: () => ({
      perConnection: refreshChain,
      afterRun: () => {
        for (const s of slots) if (s.inFlight) Object.assign(s, { inFlight: false, dead: true });
      },
    }),
    tweets: () => ({ requests: [tweet] }),
    homeTimeline: () => ({ requests: [homeTimeline] }),
    // Calibration (bench/reference-routes.ts, platform-only --reference): one lookup, one insert.
    refLookup: () => ({ requests: [{ ...bearerMe, path: "/bench/reference/lookup" }] }),
    refInsert: () => ({ requests: [{ method: "POST", path: "/bench/reference/insert" }] }),
    peerClientCredentials: () => ({ requests: [peerClientCredentials] }),
    peerIntrospect: () => ({
      // Fresh tokens before each run: the peer's in-memory store keeps the last 1,000 (LRU).
      prepare: async (url) => void (peerToken = rotate(await mintPeerTokens(url))),
      requests: [peerIntrospection],
    }),
    // The memory run: the platform's hot paths, reads and writes, in turn.
    mix: () => ({ requests: [bearerMe, clientCredentials, introspection, oauth1Me, tweet] }),
  };
  return plans;
}

interface PeerToken {
  clientId: string;
  clientSecret: string;
  token: string;
}

/** One access token per peer client (client_credentials), checked active by introspection once. */
async function mintPeerTokens(url: string): Promise<PeerToken[]> {
  const post = async (path: string, c: { clientId: string; clientSecret: string }, body: string) => {
    const res = await fetch(`${url}${path}`, { method: "POST", headers: { authorization: basic(c.clientId, c.clientSecret), "content-type": FORM }, body });
    if (!res.ok) throw new Error(`peer ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as { access_token?: string; active?: boolean };
  };
  const tokens: PeerToken[] = [];
  for (const c of peerClients()) tokens.push({ ...c, token: (await post("/token", c, "grant_type=client_credentials")).access_token! });
  const check = await post("/token/introspection", tokens[0]!, `token=${encodeURIComponent(tokens[0]!.token)}`);
  if (check.active !== true) throw new Error("peer: a fresh token does not introspect as active");
  return tokens;
}

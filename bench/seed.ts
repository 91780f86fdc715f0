import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { apps } from "@/db/schema";
import type { Actor } from "@/lib/domain/actor";
import { issueClientSecret } from "@/lib/domain/app-credentials";
import { createApp } from "@/lib/domain/apps";
import { signUpForDeveloperAccess } from "@/lib/domain/developer-accounts";
import { approveAuthorization } from "@/lib/domain/oauth2/authorize";
import { exchangeAuthorizationCode } from "@/lib/domain/oauth2/tokens";
import { setTier } from "@/lib/domain/operator";
import { createProject } from "@/lib/domain/projects";
import { issueOAuth1AccessToken } from "@/lib/domain/user-tokens";
import { createUser, type PublicUser } from "@/lib/domain/users";
import { s256 } from "@/lib/oauth2/pkce";
import { CODE_VERIFIER, CONFIG, REDIRECT_URI, SCOPE, SEED_PASSWORD } from "./config";

/** Credentials the load generator rotates through (written to a JSON file for the load process). */
export interface Pools {
  consumers: Array<{ apiKey: string; apiKeySecret: string }>;
  introspect: Array<{ clientId: string; clientSecret: string; token: string }>;
  bearers: string[];
  oauth1: Array<{ consumerKey: string; consumerSecret: string; token: string; tokenSecret: string }>;
  refresh: Array<{ clientId: string; clientSecret: string; refreshToken: string }>;
  /** OAuth 2.0 bearer tokens with their user, for the home timeline (GET /2/users/:id/timelines/reverse_chronological). */
  timeline: Array<{ bearer: string; userId: string }>;
}

export interface PortalSeed {
  developer: string;
  operator: string;
  password: string;
  appId: string;
  projectId: string;
  clientId: string;
}

interface BenchApp {
  id: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  apiKeySecret: string;
  account: number;
}

const USE_CASE = "Benchmarks seed this developer account to measure the platform under load, end to end, as a client would.";
const actorOf = (u: PublicUser): Actor => ({ userId: u.id, isOperator: u.isOperator });
const signUp = (username: string) =>
  createUser(CONFIG_DB.db!, { username, name: `${username} name`, email: `${username}@bench.example`, password: SEED_PASSWORD });
const CONFIG_DB: { db?: Db } = {};

/** An Enterprise developer (operator-set tier) with `projects` Projects of `perProject` Apps, all through lib/domain. */
async function seedDeveloper(db: Db, operator: Actor, username: string, projects: number, perProject: number) {
  const user = await signUp(username);
  const actor = actorOf(user);
  const account = signUpForDeveloperAccess(db, actor, { useCase: USE_CASE, acceptAgreement: true });
  setTier(db, operator, { accountId: account.id, tier: "enterprise" });
  const created: Array<{ projectId: string; app: ReturnType<typeof createApp> }> = [];
  for (let p = 0; p < projects; p++) {
    const project = createProject(db, actor, { accountId: account.id, name: `${username} project ${p}`, description: "", useCase: "exploring-the-api" });
    for (let a = 0; a < perProject; a++) {
      const app = createApp(db, actor, account.id, { name: `${username}-${p}-${a}`.slice(0, 32), environment: "production", projectId: project.id });
      created.push({ projectId: project.id, app });
    }
  }
  return { user, actor, account, created };
}

/** OAuth 2.0 and 1.0a on, confidential web client with a Client Secret (as seedApp in db/test-seed.ts does). */
function enableAuth(db: Db, appId: string): string {
  db.update(apps)
    .set({ oauth1Enabled: true, oauth2Enabled: true, appType: "web", permission: "read-write", callbackUrls: [REDIRECT_URI], websiteUrl: "https://client.example" })
    .where(eq(apps.id, appId))
    .run();
  return issueClientSecret(db, appId);
}

/** Consent approved, then the code exchanged at the token endpoint's domain function: a live grant. */
function grant(db: DbOrTx, app: BenchApp, userId: string) {
  const params = {
    response_type: "code",
    client_id: app.clientId,
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    state: "bench",
    code_challenge: s256(CODE_VERIFIER),
    code_challenge_method: "S256",
  };
  const outcome = approveAuthorization(db, userId, params);
  if (outcome.kind !== "redirect") throw new Error(`seed: consent gave ${outcome.kind}`);
  const code = new URL(outcome.url).searchParams.get("code")!;
  const row = db.select().from(apps).where(eq(apps.id, app.id)).get()!;
  return exchangeAuthorizationCode(db, row, { code, redirectUri: REDIRECT_URI, codeVerifier: CODE_VERIFIER });
}

/** Seeds the workloads' Apps, users, grants and tokens. Returns the pools and the portal logins. */
export async function seedWorkloads(db: Db): Promise<{ pools: Pools; portal: PortalSeed; counts: Record<string, number>; timelineReaders: string[]; appId: string }> {
  CONFIG_DB.db = db;
  const operatorUser = await signUp("benchop"); // the first account of a fresh install is the operator
  if (!operatorUser.isOperator) throw new Error("seed: the data folder is not fresh");
  const operator = actorOf(operatorUser);

  const dash = await seedDeveloper(db, operator, "benchdash", 1, 10);
  const dashApp = dash.created[0]!;
  enableAuth(db, dashApp.app.app.id);

  const perAccount = 50;
  const accounts = Math.ceil(CONFIG.apps / perAccount);
  const benchApps: BenchApp[] = [];
  const devs = await Promise.all(Array.from({ length: accounts }, (_, i) => seedDeveloper(db, operator, `benchdev${i}`, 5, 10)));
  devs.forEach((dev, account) => {
    for (const { app } of dev.created.slice(0, CONFIG.apps - benchApps.length)) {
      const clientSecret = enableAuth(db, app.app.id);
      benchApps.push({ id: app.app.id, clientId: app.app.clientId, clientSecret, account, ...app.secrets });
    }
  });

  const userCount = CONFIG.bearerUsers + CONFIG.refreshUsers;
  const users = await Promise.all(Array.from({ length: userCount }, (_, i) => signUp(`benchuser${i}`)));
  const bearerUsers = users.slice(0, CONFIG.bearerUsers);
  const refreshUsers = users.slice(CONFIG.bearerUsers);

  const pools: Pools = { consumers: [], introspect: [], bearers: [], oauth1: [], refresh: [], timeline: [] };
  const accessOf = new Map<string, string>();
  // Batched: one transaction per 50 Apps (the domain functions nest as savepoints).
  for (let i = 0; i < benchApps.length; i += 50) {
    db.transaction((tx) => {
      for (const app of benchApps.slice(i, i + 50)) {
        for (const u of bearerUsers) {
          const t = grant(tx, app, u.id);
          pools.bearers.push(t.access_token);
          pools.timeline.push({ bearer: t.access_token, userId: u.id });
          if (!accessOf.has(app.id)) accessOf.set(app.id, t.access_token);
        }
        for (const u of refreshUsers) {
          pools.refresh.push({ clientId: app.clientId, clientSecret: app.clientSecret, refreshToken: grant(tx, app, u.id).refresh_token! });
        }
        for (const u of bearerUsers.slice(0, CONFIG.oauth1Users)) {
          const t = issueOAuth1AccessToken(tx, { appId: app.id, userId: u.id, accessLevel: "read-write", source: "oauth" });
          pools.oauth1.push({ consumerKey: app.apiKey, consumerSecret: app.apiKeySecret, token: t.token, tokenSecret: t.secret });
        }
      }
    });
  }
  // Rotation order: consecutive requests use different Apps (rate limits are per App / client).
  pools.bearers = interleave(pools.bearers, CONFIG.bearerUsers);
  pools.timeline = interleave(pools.timeline, CONFIG.bearerUsers);
  pools.oauth1 = interleave(pools.oauth1, CONFIG.oauth1Users);
  for (const app of benchApps) {
    pools.consumers.push({ apiKey: app.apiKey, apiKeySecret: app.apiKeySecret });
    // A team's resource server (one App) introspects tokens of a sibling App of the same account.
    const siblings = benchApps.filter((a) => a.account === app.account);
    const sibling = siblings[(siblings.indexOf(app) + 1) % siblings.length]!;
    pools.introspect.push({ clientId: app.clientId, clientSecret: app.clientSecret, token: accessOf.get(sibling.id)! });
  }

  return {
    pools,
    portal: {
      developer: "benchdash",
      operator: "benchop",
      password: SEED_PASSWORD,
      appId: dashApp.app.app.id,
      projectId: dashApp.projectId,
      clientId: dashApp.app.app.clientId,
    },
    counts: { apps: benchApps.length + 10, users: users.length + accounts + 2, grants: pools.bearers.length + pools.refresh.length, oauth1Tokens: pools.oauth1.length },
    timelineReaders: bearerUsers.map((u) => u.id),
    appId: benchApps[0]!.id,
  };
}

/** Items were pushed per App in groups of `group`; reorder so that neighbours belong to different Apps. */
function interleave<T>(items: T[], group: number): T[] {
  const out: T[] = [];
  for (let g = 0; g < group; g++) for (let i = g; i < items.length; i += group) out.push(items[i]!);
  return out;
}

/**
 * A second process on the server's database (DATA_DIR is the server's data folder): seeds what the
 * HTTP clients need, or writes through the domain functions while the server is under load —
 * separate process, separate SQLite connection, so the locks really contend.
 *
 *   node --import tsx e2e/crash/worker.ts seed <spec.json>     prints the seeded ids and secrets as JSON
 *   node --import tsx e2e/crash/worker.ts storm <accountId> <userId> <ms>   prints {ops, errors}
 *   node --import tsx e2e/crash/worker.ts codes <appId> <n> [scope]   n OAuth 2.0 codes for n fresh users
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { apps, users } from "@/db/schema";
import { seedApp, seedDeveloper, seedProject } from "@/db/test-seed";
import { createApp, deleteApp } from "@/lib/domain/apps";
import { issueClientSecret } from "@/lib/domain/app-credentials";
import { regenerateApiKey } from "@/lib/domain/keys";
import { approveAuthorization } from "@/lib/domain/oauth2/authorize";
import { snowflake } from "@/lib/domain/ids";
import { DUMMY_PASSWORD_HASH } from "@/lib/credentials/password";
import { s256 } from "@/lib/oauth2/pkce";
import type { Tier } from "@/lib/validation/enums";

export const REDIRECT = "https://client.example/callback";
export const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

export interface SeedSpec {
  developers: Array<{ username: string; tier?: Tier; project?: boolean; app?: boolean; oauth2?: boolean }>;
}

export interface SeededDev {
  username: string;
  userId: string;
  accountId: string;
  projectId: string | null;
  app: { id: string; name: string; clientId: string; apiKey: string; apiKeySecret: string; bearerToken: string; clientSecret: string | null } | null;
}

async function seed(db: Db, spec: SeedSpec): Promise<SeededDev[]> {
  const out: SeededDev[] = [];
  for (const d of spec.developers) {
    if (d.app) {
      const s = await seedApp(db, d.username, {
        tier: d.tier,
        settings: d.oauth2 ? { oauth2Enabled: true, appType: "web", callbackUrls: [REDIRECT] } : undefined,
      });
      const clientSecret = d.oauth2 ? issueClientSecret(db, s.app.id) : null;
      out.push({
        username: d.username,
        userId: s.user.id,
        accountId: s.account.id,
        projectId: s.projectId,
        app: { id: s.app.id, name: s.app.name, clientId: s.app.clientId, ...s.secrets, clientSecret },
      });
    } else {
      const s = await seedDeveloper(db, d.username, d.tier);
      const projectId = d.project ? seedProject(db, s.account.id) : null;
      out.push({ username: d.username, userId: s.user.id, accountId: s.account.id, projectId, app: null });
    }
  }
  return out;
}

/** n users (no password: they never sign in) who each approved the App: one live code per user. */
function codes(db: Db, appId: string, n: number, scope = "tweet.read users.read offline.access"): string[] {
  const app = db.select().from(apps).where(eq(apps.id, appId)).get();
  if (!app) throw new Error(`no App ${appId}`);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = snowflake();
    const username = `c${id.slice(-12)}`;
    db.insert(users)
      .values({ id, username, usernameLower: username, name: username, email: `${username}@example.com`, emailLower: `${username}@example.com`, passwordHash: DUMMY_PASSWORD_HASH })
      .run();
    const outcome = approveAuthorization(db, id, {
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: REDIRECT,
      scope,
      state: "s",
      code_challenge: s256(VERIFIER),
      code_challenge_method: "S256",
    });
    if (outcome.kind !== "redirect") throw new Error(`approve: ${outcome.kind}`);
    out.push(new URL(outcome.url).searchParams.get("code")!);
  }
  return out;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Creates, re-keys and deletes standalone Apps in a loop for `ms`; every error is reported.
 * Each round pauses 2 ms, as any real writer does between requests: two zero-gap loops in other
 * processes would otherwise starve a third writer past the busy timeout (writer starvation is
 * SQLite's documented behaviour, not what this test is about).
 */
function storm(db: Db, accountId: string, userId: string, ms: number) {
  const actor = { userId, isOperator: false };
  const errors: string[] = [];
  let ops = 0;
  const end = Date.now() + ms;
  const tag = `${process.pid}`.slice(-4);
  for (let i = 0; Date.now() < end; i++) {
    try {
      const name = `w${tag}-${i}`;
      const { app } = createApp(db, actor, accountId, { name, environment: "development" });
      regenerateApiKey(db, actor, { appId: app.id });
      deleteApp(db, actor, { appId: app.id, confirmName: name });
      ops += 3;
      Atomics.wait(pause, 0, 0, 2);
    } catch (err) {
      if (errors.length < 20) errors.push(`${(err as { code?: string }).code ?? ""} ${(err as Error).message}`);
    }
  }
  return { ops, errors };
}

async function main(): Promise<void> {
  const [cmd, ...args] = process.argv.slice(2);
  const db = getDb();
  migrateDatabase(db); // a data folder no server has started on yet
  if (cmd === "seed") {
    const spec = JSON.parse(fs.readFileSync(args[0]!, "utf8")) as SeedSpec;
    console.log(JSON.stringify(await seed(db, spec)));
  } else if (cmd === "codes") {
    console.log(JSON.stringify(codes(db, args[0]!, Number(args[1]), args[2])));
  } else if (cmd === "storm") {
    console.log(JSON.stringify(storm(db, args[0]!, args[1]!, Number(args[2]))));
  } else throw new Error(`unknown command ${cmd}`);
  db.$client.close();
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

import { test, expect } from "@playwright/test";
import path from "node:path";
import { BUSY, checkDatabase, problems, query } from "./crash/checks";
import { actionId, basic, callAction, postForm, signIn, type ActionResult } from "./crash/http";
import { removeTempDirs, runWorker, startServer, tempDir, writeJson, type RunningServer } from "./crash/server";
import { REDIRECT, VERIFIER, type SeededDev } from "./crash/worker";

// 50 parallel clients per race against one real production server (its own fresh data folder),
// while two more processes write to the same SQLite file through the domain functions.
const CLIENTS = 50;
const PASSWORD = "correct horse battery";
const CREATE = ["app/(portal)/(developer)/apps/actions.ts", "createAppAction"] as const;
const REGENERATE = ["app/(portal)/(developer)/apps/[appId]/keys/actions.ts", "regenerateApiKeyAction"] as const;

type Created = { appId: string; name: string; apiKey: string; apiKeySecret: string; bearerToken: string };
type Storm = { ops: number; errors: string[] };

test.describe.configure({ mode: "serial", timeout: 240_000 });

let server: RunningServer;
let passed = 0;
let dataDir: string;
const dbFile = () => path.join(dataDir, "devportal.sqlite");

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = tempDir("concurrency");
  server = await startServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
  if (passed === 2) removeTempDirs(); // kept on failure, for a look at the database
});

test("50 parallel clients create Apps, regenerate keys and exchange codes: limits hold, nothing half-written, no SQLITE_BUSY", async () => {
  const spec = {
    developers: [
      { username: "conc_first" },
      { username: "conc_ess", project: true },
      { username: "conc_ent1", tier: "enterprise" },
      { username: "conc_ent2", tier: "enterprise" },
      { username: "conc_storm", tier: "enterprise" },
      { username: "conc_keys", app: true },
      { username: "conc_o2", app: true, oauth2: true },
    ],
  };
  const seeded = await runWorker<SeededDev[]>(dataDir, ["seed", writeJson(dataDir, "spec.json", spec)]);
  const dev = (name: string) => seeded.find((d) => d.username === `conc_${name}`)!;
  const [ess, ent1, ent2, storm, keys, o2] = ["ess", "ent1", "ent2", "storm", "keys", "o2"].map(dev) as SeededDev[];
  const [essCookie, ent1Cookie, ent2Cookie, keysCookie] = await Promise.all(
    [ess, ent1, ent2, keys].map((d) => signIn(server.base, d!.username, PASSWORD)),
  );

  // Other processes writing to the same file for the whole storm (real lock contention).
  const storms = [0, 1].map(() => runWorker<Storm>(dataDir, ["storm", storm!.accountId, storm!.userId, "9000"]));
  // One code per user (one live grant per App and user); the last code is raced by 10 clients.
  const codes = await runWorker<string[]>(dataDir, ["codes", o2!.app!.id, String(CLIENTS + 1)]);
  const replayed = codes.pop()!;

  const createId = actionId(...CREATE);
  const regenerateId = actionId(...REGENERATE);
  const sameName = `Same ${Date.now().toString(36)}`;
  const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
  const tokenAuth = { authorization: basic(o2!.app!.clientId, o2!.app!.clientSecret!) };
  const exchange = (code: string) =>
    postForm(`${server.base}/2/oauth2/token`, { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, tokenAuth);

  const started = Date.now();
  const [essRace, nameRace, regenerations, exchanges, replays] = await Promise.all([
    times(CLIENTS, (i) =>
      callAction<Created>(server.base, essCookie!, "/apps/new", createId, [
        null,
        { name: `Ess ${i} ${Date.now().toString(36)}`, environment: "development", projectId: ess!.projectId, accountId: ess!.accountId },
      ]),
    ),
    times(CLIENTS, (i) => {
      const [d, cookie] = i % 2 ? [ent1!, ent1Cookie!] : [ent2!, ent2Cookie!];
      return callAction<Created>(server.base, cookie, "/apps/new", createId, [null, { name: sameName, environment: "production", accountId: d.accountId }]);
    }),
    times(CLIENTS, () =>
      callAction<{ apiKey: string; apiKeySecret: string }>(server.base, keysCookie!, `/apps/${keys!.app!.id}/keys`, regenerateId, [null, { appId: keys!.app!.id }]),
    ),
    Promise.all(codes.map(exchange)),
    times(10, () => exchange(replayed)),
  ]);
  const stormResults = await Promise.all(storms);
  const requests = 3 * CLIENTS + codes.length + replays.length;
  console.log(
    `concurrency: ${requests} HTTP requests in ${Date.now() - started} ms; ` +
      `${stormResults.reduce((n, s) => n + s.ops, 0)} domain writes from 2 other processes`,
  );

  // Nothing surfaced a lock error or a 500, to any client or in any log.
  const actionResults: ActionResult[] = [...essRace, ...nameRace, ...regenerations];
  for (const r of actionResults) {
    expect(r.status).toBe(200);
    expect(r.state, r.body.slice(0, 300)).not.toBeNull();
    expect(r.state!.message ?? "").not.toMatch(/Something went wrong/);
    expect(r.body).not.toMatch(BUSY);
  }
  for (const r of [...exchanges, ...replays]) {
    expect(r.status).toBeLessThan(500);
    expect(r.text).not.toMatch(BUSY);
  }
  expect(stormResults.flatMap((s) => s.errors)).toEqual([]);
  expect(server.output()).not.toMatch(BUSY);
  expect(server.output()).not.toMatch(/action failed/);

  // Essential: one App per Project. Exactly one create wins; the rest get the limit error.
  const essWins = essRace.filter((r) => r.state!.ok);
  expect(essWins).toHaveLength(1);
  for (const r of essRace.filter((x) => !x.state!.ok)) expect(r.state!.message).toMatch(/on Essential access\. Upgrade to Elevated/);
  const essApps = query<{ id: string }>(dbFile(), "SELECT id FROM apps WHERE account_id = ?", ess!.accountId);
  expect(essApps.map((a) => a.id)).toEqual([essWins[0]!.state!.data!.appId]);
  expect(query(dbFile(), "SELECT 1 FROM credentials WHERE kind = 'consumer' AND lookup = ?", essWins[0]!.state!.data!.apiKey)).toHaveLength(1);

  // App names are unique platform-wide: exactly one of 50 same-name creates (two accounts) wins.
  const nameWins = nameRace.filter((r) => r.state!.ok);
  expect(nameWins).toHaveLength(1);
  for (const r of nameRace.filter((x) => !x.state!.ok)) expect(r.state!.message).toBe("That App name is taken");
  const named = query<{ id: string }>(dbFile(), "SELECT id FROM apps WHERE name_lower = ?", sameName.toLowerCase());
  expect(named.map((a) => a.id)).toEqual([nameWins[0]!.state!.data!.appId]);
  expect(query(dbFile(), "SELECT id FROM apps WHERE account_id IN (?, ?)", ent1!.accountId, ent2!.accountId)).toHaveLength(1);
  // The 98 refused creates left no trace: one creation audit entry per race, no stray credentials.
  const createAudits = query(dbFile(), "SELECT 1 FROM audit_log WHERE action = 'app.create' AND account_id IN (?, ?, ?)", ess!.accountId, ent1!.accountId, ent2!.accountId);
  expect(createAudits).toHaveLength(2);

  // 50 regenerations all succeed, one after another: the last pair is the one that works.
  expect(regenerations.every((r) => r.state!.ok)).toBe(true);
  const issued = regenerations.map((r) => r.state!.data!);
  const current = query<{ lookup: string }>(dbFile(), "SELECT lookup FROM credentials WHERE app_id = ? AND kind = 'consumer'", keys!.app!.id);
  expect(current).toHaveLength(1);
  const winner = issued.find((k) => k.apiKey === current[0]!.lookup)!;
  expect(winner).toBeDefined();
  const audit = query(dbFile(), "SELECT 1 FROM audit_log WHERE app_id = ? AND action = 'app.api_key.regenerate'", keys!.app!.id);
  expect(audit).toHaveLength(CLIENTS);
  const appOnly = (k: { apiKey: string; apiKeySecret: string }) =>
    postForm(`${server.base}/oauth2/token`, { grant_type: "client_credentials" }, { authorization: basic(k.apiKey, k.apiKeySecret) });
  expect((await appOnly(winner)).status).toBe(200);
  expect((await appOnly(issued.find((k) => k !== winner)!)).status).toBe(403);

  // 50 code exchanges: every 200 is a live token the API accepts.
  expect(exchanges.map((r) => r.status)).toEqual(codes.map(() => 200));
  const me = await Promise.all(
    exchanges.map((r) => fetch(`${server.base}/2/users/me`, { headers: { authorization: `Bearer ${r.json!.access_token as string}` } })),
  );
  expect(me.map((r) => r.status)).toEqual(codes.map(() => 200));

  // One code raced by 10 clients: one exchange wins, the replays revoke what it issued.
  expect(replays.filter((r) => r.status === 200)).toHaveLength(1);
  for (const r of replays.filter((x) => x.status !== 200)) expect(r.json).toMatchObject({ error: "invalid_request" });
  const won = replays.find((r) => r.status === 200)!;
  const revoked = await fetch(`${server.base}/2/users/me`, { headers: { authorization: `Bearer ${won.json!.access_token as string}` } });
  expect(revoked.status).toBe(401);

  // The file as a whole: sound, and nothing half-written by any request that failed.
  expect(problems(checkDatabase(dbFile()))).toEqual([]);
  passed++;
});

test("50 parallel 'regenerate with a 1 hour grace period': one wins, the others are told a grace period is in progress, and the pair in use before keeps working", async () => {
  const [dev] = await runWorker<SeededDev[]>(dataDir, ["seed", writeJson(dataDir, "grace.json", { developers: [{ username: "conc_grace", app: true }] })]);
  const cookie = await signIn(server.base, dev!.username, PASSWORD);
  const appId = dev!.app!.id;
  const races = await Promise.all(
    Array.from({ length: CLIENTS }, () =>
      callAction<{ apiKey: string; apiKeySecret: string }>(server.base, cookie, `/apps/${appId}/keys`, actionId(...REGENERATE), [null, { appId, grace: "1h" }]),
    ),
  );
  const wins = races.filter((r) => r.state!.ok);
  expect(wins).toHaveLength(1);
  for (const r of races.filter((x) => !x.state!.ok)) {
    expect(r.state!.message).toMatch(/^The previous API Key and Secret still works until \d{4}-\d\d-\d\d \d\d:\d\d UTC \(grace period\)\. End that grace period first/);
  }
  const appOnly = (k: { apiKey: string; apiKeySecret: string }) =>
    postForm(`${server.base}/oauth2/token`, { grant_type: "client_credentials" }, { authorization: basic(k.apiKey, k.apiKeySecret) });
  expect((await appOnly(dev!.app!)).status, "the pair in use before the rotation still works").toBe(200);
  expect((await appOnly(wins[0]!.state!.data!)).status).toBe(200);
  expect(query(dbFile(), "SELECT 1 FROM audit_log WHERE app_id = ? AND action = 'app.api_key.regenerate'", appId)).toHaveLength(1);
  passed++;
});

/**
 * `npm run test:crash`: crash safety and online backups against the real production server.
 *
 * 1. kill -9 in the middle of a write storm (App creations, key regenerations and OAuth 2.0 code
 *    exchanges over HTTP), restart on the same data folder: integrity_check ok, nothing
 *    half-written, every write acknowledged before the kill still there and working.
 * 2. `db/backup.ts` (npm run db:backup) during a write storm; a second server on a data folder made
 *    from the backup and the same secrets.json accepts credentials issued before the backup.
 * 3. A full disk (./disk-full.ts): every write either stored what it acknowledged or answered 503 /
 *    the cannot-save message; health degraded, then ok once space is freed.
 * 4. Lifecycle (./lifecycle.ts): a read-only database at start, request and header timeouts, and
 *    the bounded shutdown after SIGTERM.
 *
 * Prints `crash: <n> passed, <m> failed` and exits non-zero on failure.
 */
import { execFile } from "node:child_process";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { ensureBuild } from "@/lib/runtime/build";
import { BUSY, checkDatabase, problems, query } from "./checks";
import { diskFull } from "./disk-full";
import { actionId, basic, callAction, postForm, signIn } from "./http";
import { boundedShutdown, readOnlyAtStart, timeouts } from "./lifecycle";
import { removeTempDirs, ROOT, runWorker, startServer, tempDir, writeJson, type RunningServer } from "./server";
import { REDIRECT, VERIFIER, type SeededDev } from "./worker";

const PASSWORD = "correct horse battery";
const CREATE_ID = () => actionId("app/(portal)/(developer)/apps/actions.ts", "createAppAction");
const REGENERATE_ID = () => actionId("app/(portal)/(developer)/apps/[appId]/keys/actions.ts", "regenerateApiKeyAction");

type Keys = { apiKey: string; apiKeySecret: string };
type Created = Keys & { appId: string; name: string; bearerToken: string };

interface Fixture {
  server: RunningServer;
  dbFile: string;
  creators: Array<SeededDev & { cookie: string }>;
  keys: SeededDev & { cookie: string };
  o2: SeededDev;
  codes: string[];
}

/** A fresh server with four Enterprise developers (App creators), an App to re-key and an OAuth 2.0 App with codes. */
async function setUp(label: string, codeCount: number): Promise<Fixture> {
  const dataDir = tempDir(label);
  const server = await startServer(dataDir);
  const spec = {
    developers: [
      { username: `${label}_first` },
      ...[1, 2, 3, 4].map((i) => ({ username: `${label}_c${i}`, tier: "enterprise" })),
      { username: `${label}_keys`, app: true },
      { username: `${label}_o2`, app: true, oauth2: true },
    ],
  };
  const seeded = await runWorker<SeededDev[]>(dataDir, ["seed", writeJson(dataDir, "spec.json", spec)]);
  const withCookie = async (d: SeededDev) => ({ ...d, cookie: await signIn(server.base, d.username, PASSWORD) });
  const creators = await Promise.all(seeded.filter((d) => /_c\d$/.test(d.username)).map(withCookie));
  const keys = await withCookie(seeded.find((d) => d.username.endsWith("_keys"))!);
  const o2 = seeded.find((d) => d.username.endsWith("_o2"))!;
  const codes = await runWorker<string[]>(dataDir, ["codes", o2.app!.id, String(codeCount)]);
  return { server, dbFile: path.join(dataDir, "devportal.sqlite"), creators, keys, o2, codes };
}

interface Storm {
  created: Created[];
  regenerated: Keys[];
  tokens: string[];
  /** Requests whose answer never came (the server died under them): outcome unknown. */
  unanswered: number;
  /** Answers that were neither a success nor an expected refusal. */
  unexpected: string[];
  stop: () => void;
  done: Promise<void>;
}

/** Parallel loops of real requests until stopped: 8 creating Apps, 1 re-keying, 3 exchanging codes. */
function writeStorm(f: Fixture, base: string): Storm {
  const storm: Storm = { created: [], regenerated: [], tokens: [], unanswered: 0, unexpected: [], stop: () => {}, done: Promise.resolve() };
  let running = true;
  storm.stop = () => (running = false);
  const createId = CREATE_ID();
  const regenerateId = REGENERATE_ID();
  const guard = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch {
      storm.unanswered++;
    }
  };
  let n = 0;
  const creator = (c: Fixture["creators"][number]) => async () => {
    while (running) {
      await guard(async () => {
        const name = `${c.username.slice(-6)}-${n++}-${Date.now().toString(36)}`.slice(0, 32);
        const r = await callAction<Created>(base, c.cookie, "/apps/new", createId, [null, { name, environment: "production", accountId: c.accountId }]);
        if (r.state?.ok) storm.created.push(r.state.data!);
        else storm.unexpected.push(`create: ${r.status} ${r.state?.message ?? r.body.slice(0, 200)}`);
      });
    }
  };
  const rekey = async () => {
    while (running) {
      await guard(async () => {
        const r = await callAction<Keys>(base, f.keys.cookie, `/apps/${f.keys.app!.id}/keys`, regenerateId, [null, { appId: f.keys.app!.id }]);
        if (r.state?.ok) storm.regenerated.push(r.state.data!);
        else storm.unexpected.push(`regenerate: ${r.status} ${r.state?.message ?? r.body.slice(0, 200)}`);
      });
    }
  };
  const codes = [...f.codes];
  const exchanger = async () => {
    while (running && codes.length) {
      const code = codes.pop()!;
      await guard(async () => {
        const r = await postForm(
          `${base}/2/oauth2/token`,
          { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER },
          { authorization: basic(f.o2.app!.clientId, f.o2.app!.clientSecret!) },
        );
        if (r.status === 200) storm.tokens.push(r.json!.access_token as string);
        else storm.unexpected.push(`token: ${r.status} ${r.text.slice(0, 200)}`);
      });
    }
  };
  storm.done = Promise.all([...f.creators.flatMap((c) => [creator(c)(), creator(c)()]), rekey(), exchanger(), exchanger(), exchanger()]).then(() => {});
  return storm;
}

const until = async (cond: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

const appOnly = (base: string, k: Keys) =>
  postForm(`${base}/oauth2/token`, { grant_type: "client_credentials" }, { authorization: basic(k.apiKey, k.apiKeySecret) });
const usersMe = (base: string, token: string) => fetch(`${base}/2/users/me`, { headers: { authorization: `Bearer ${token}` } });

function assertSound(file: string, output: string): void {
  assert.deepEqual(problems(checkDatabase(file)), [], "database consistency");
  assert.doesNotMatch(output, BUSY, "server log mentions SQLITE_BUSY");
  assert.doesNotMatch(output, /action failed/, "a server action failed unexpectedly");
}

/** Every acknowledged App exists with the API Key it was given, and that key works over HTTP. */
async function assertCreated(base: string, file: string, created: Created[]): Promise<void> {
  for (const app of created) {
    const rows = query<{ lookup: string }>(file, "SELECT c.lookup FROM apps a JOIN credentials c ON c.app_id = a.id AND c.kind = 'consumer' WHERE a.id = ?", app.appId);
    assert.deepEqual(rows.map((r) => r.lookup), [app.apiKey], `App ${app.appId} acknowledged before the kill`);
  }
  const answers = await Promise.all(created.map((k) => appOnly(base, k)));
  assert.deepEqual(answers.map((a) => a.status), created.map(() => 200), "app-only tokens for acknowledged Apps");
}

async function killMidStorm(log: (line: string) => void): Promise<void> {
  const f = await setUp("crash", 80);
  const { server, dbFile } = f;
  const storm = writeStorm(f, server.base);
  // Kill somewhere in the middle: after a random number of acknowledged writes, with requests in flight.
  const target = 40 + Math.floor(Math.random() * 40);
  const acked = () => storm.created.length + storm.regenerated.length + storm.tokens.length;
  await until(() => acked() >= target, 60_000);
  await server.kill9();
  const before = { created: [...storm.created], regenerated: [...storm.regenerated], tokens: [...storm.tokens] };
  storm.stop();
  await storm.done;
  assert.ok(before.created.length > 0 && before.tokens.length > 0 && before.regenerated.length > 0, "the storm wrote before the kill");
  assert.deepEqual(storm.unexpected, [], "refusals during the storm");
  assert.doesNotMatch(server.output(), BUSY);

  const restarted = await startServer(server.dataDir);
  try {
    assertSound(dbFile, restarted.output());
    await assertCreated(restarted.base, dbFile, before.created);
    // Acknowledged code exchanges: their access tokens work.
    const me = await Promise.all(before.tokens.map((t) => usersMe(restarted.base, t)));
    assert.deepEqual(me.map((r) => r.status), before.tokens.map(() => 200), "access tokens acknowledged before the kill");
    // Re-keying: each acknowledged regeneration is in the audit log; at most one more (in flight) may have committed.
    const audits = query(dbFile, "SELECT 1 FROM audit_log WHERE app_id = ? AND action = 'app.api_key.regenerate'", f.keys.app!.id).length;
    assert.ok(audits === before.regenerated.length || audits === before.regenerated.length + 1, `regenerations: ${audits} audited, ${before.regenerated.length} acknowledged`);
    if (audits === before.regenerated.length) assert.equal((await appOnly(restarted.base, before.regenerated.at(-1)!)).status, 200, "last acknowledged API Key works");
    const ownedApps = query(dbFile, `SELECT 1 FROM apps WHERE account_id IN (${f.creators.map(() => "?").join(",")})`, ...f.creators.map((c) => c.accountId)).length;
    log(
      `kill -9 after ${acked()} acknowledged writes (${before.created.length} Apps, ${before.regenerated.length} re-keys, ` +
        `${before.tokens.length} code exchanges; ${storm.unanswered} requests cut off); after restart: integrity ok, ` +
        `${ownedApps} Apps (${ownedApps - before.created.length} committed but unacknowledged); ` +
        `${before.created.length} API Keys and ${before.tokens.length} access tokens verified over HTTP`,
    );
  } finally {
    await restarted.stop();
  }
}

async function backupDuringStorm(log: (line: string) => void): Promise<void> {
  const f = await setUp("backup", 40);
  const { server } = f;
  let second: RunningServer | undefined;
  try {
    const storm = writeStorm(f, server.base);
    await until(() => storm.created.length >= 10 && storm.tokens.length >= 5, 60_000);
    const before = { created: [...storm.created], tokens: [...storm.tokens] };
    const backupFile = path.join(server.dataDir, "backups", "during-storm.sqlite");
    // The real CLI (npm run db:backup) as its own process, while the storm goes on.
    const { stdout: printed } = await promisify(execFile)(process.execPath, ["--import", "tsx", "db/backup.ts", backupFile], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir },
    });
    const duringBackup = storm.created.length - before.created.length;
    await until(() => storm.created.length >= before.created.length + duringBackup + 10, 10_000); // keep writing after it
    storm.stop();
    await storm.done;
    assert.deepEqual(storm.unexpected, [], "refusals during the storm");
    assert.match(printed, /integrity ok/);
    assert.equal(fs.statSync(backupFile).mode & 0o777, 0o600, "backup file mode");

    // Restore as the README says: the backup as devportal.sqlite, no -wal/-shm, the same secrets.json.
    const restored = tempDir("restored");
    fs.copyFileSync(backupFile, path.join(restored, "devportal.sqlite"));
    fs.copyFileSync(path.join(server.dataDir, "secrets.json"), path.join(restored, "secrets.json"));
    const restoredDb = path.join(restored, "devportal.sqlite");
    assert.deepEqual(problems(checkDatabase(restoredDb)), [], "backup consistency");
    second = await startServer(restored);
    assertSound(restoredDb, second.output());
    await assertCreated(second.base, restoredDb, before.created);
    const me = await Promise.all(before.tokens.map((t) => usersMe(second!.base, t)));
    assert.deepEqual(me.map((r) => r.status), before.tokens.map(() => 200), "access tokens issued before the backup");
    // A working portal: sign in and open an App's keys page.
    const sample = before.created[0]!;
    const [{ accountId }] = query<{ accountId: string }>(restoredDb, "SELECT account_id AS accountId FROM apps WHERE id = ?", sample.appId);
    const owner = f.creators.find((c) => c.accountId === accountId)!;
    const page = await fetch(`${second.base}/apps/${sample.appId}/keys`, { headers: { cookie: await signIn(second.base, owner.username, PASSWORD) } });
    assert.equal(page.status, 200, "keys page on the restored portal");
    assert.match(await page.text(), new RegExp(sample.apiKey.slice(0, 4)), "keys page shows the API Key hint");
    const inBackup = query(restoredDb, "SELECT 1 FROM apps").length;
    log(
      `backup during a storm of ${storm.created.length} App creations (${duringBackup} while copying): ${inBackup} Apps in the copy, ` +
        `${before.created.length} acknowledged before it all present; restored server accepts their API Keys and ${before.tokens.length} access tokens`,
    );
  } finally {
    await second?.stop();
    await server.stop();
  }
}

async function main(): Promise<void> {
  ensureBuild();
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const only = process.argv[2]; // e.g. `npm run test:crash -- disk` runs the scenarios whose name contains it
  for (const [name, scenario] of [
    ["kill -9 during a write storm", killMidStorm],
    ["online backup during a write storm, restored", backupDuringStorm],
    ["a full disk: every acknowledged write stored, the rest refused with 503, recovery", diskFull],
    ["a read-only database at start: degraded, then writable without a restart", readOnlyAtStart],
    ["request and header timeouts", timeouts],
    ["bounded shutdown after SIGTERM", boundedShutdown],
  ] as const) {
    if (only && !name.includes(only)) continue;
    try {
      await scenario((line) => console.log(`  ${line}`));
      console.log(`  ✓ ${name}`);
      passed++;
    } catch (err) {
      console.log(`  ✗ ${name}\n${(err as Error).stack ?? String(err)}`);
      failed++;
    }
  }
  if (!failed) removeTempDirs(); // kept on failure, for a look at the database
  console.log(`crash: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(failed ? 1 : 0);
}

void main();

/**
 * Disk-full phase of `npm run test:crash`: the production server under a file-size limit
 * (RLIMIT_FSIZE — its WAL appends fail at COMMIT as on a full disk; portable, no mount needed) takes
 * a storm of every kind of write over HTTP until the disk is full. Every answer is a success or the
 * family's "cannot save" answer; health says degraded; reads, pages and sign-in behave; once space
 * is freed writes work again; and after a restart every acknowledged id is in the database.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/domain/storage-health";
import { checkDatabase, checkpoint, problems, query } from "./checks";
import { actionId, basic, callAction, postForm, signIn } from "./http";
import { runWorker, startServer, tempDir, writeJson } from "./server";
import { REDIRECT, VERIFIER, type SeededDev } from "./worker";

const LIMIT = 1536 * 1024;
const PASSWORD = "correct horse battery";
const SCOPE = "tweet.read tweet.write users.read dm.read dm.write offline.access";
const CREATE = ["app/(portal)/(developer)/apps/actions.ts", "createAppAction"] as const;
const REKEY = ["app/(portal)/(developer)/apps/[appId]/keys/actions.ts", "regenerateApiKeyAction"] as const;

type Answer = { kind: "ok"; value: string } | { kind: "refused" } | { kind: "unexpected"; what: string };
type Keys = { appId: string; apiKey: string; apiKeySecret: string };

interface Loop {
  name: string;
  call: (i: number) => Promise<Answer>;
  acked: string[];
  refused: number;
}

const health = async (base: string) => (await (await fetch(`${base}/api/health`)).json()) as { status: string; storage?: { reason: string; error: string } };

/** A v2 or RFC 6749 answer: ok with `pick(body)`, refused when it is the family's 503, else unexpected. */
async function platformAnswer(res: Response, okStatus: number, refusedBody: (b: Record<string, unknown>) => boolean, pick: (b: Record<string, unknown>) => string): Promise<Answer> {
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { kind: "unexpected", what: `${res.status} ${text.slice(0, 200)}` };
  }
  if (res.status === okStatus) return { kind: "ok", value: pick(body) };
  if (res.status === 503 && /^\d+$/.test(res.headers.get("retry-after") ?? "") && refusedBody(body)) return { kind: "refused" };
  return { kind: "unexpected", what: `${res.status} ${text.slice(0, 200)}` };
}

const v2Refused = (b: Record<string, unknown>) => b.status === 503 && b.title === "Service Unavailable";
const actionAnswer = (state: { ok: boolean; message?: string; data?: Record<string, unknown> } | null, status: number, pick: (d: Record<string, unknown>) => string): Answer =>
  state?.ok ? { kind: "ok", value: pick(state.data!) } : state?.message === STORAGE_UNAVAILABLE_MESSAGE ? { kind: "refused" } : { kind: "unexpected", what: `${status} ${state?.message ?? "no state"}` };

export async function diskFull(log: (line: string) => void): Promise<void> {
  const dataDir = tempDir("full");
  const dbFile = path.join(dataDir, "devportal.sqlite");
  const spec = {
    developers: [{ username: "full_first" }, { username: "full_make1", tier: "enterprise" }, { username: "full_make2", tier: "enterprise" }, { username: "full_keys", app: true }, { username: "full_o2", app: true, oauth2: true }],
  };
  const seeded = await runWorker<SeededDev[]>(dataDir, ["seed", writeJson(dataDir, "spec.json", spec)]);
  const dev = (name: string) => seeded.find((d) => d.username === `full_${name}`)!;
  const o2 = dev("o2");
  const codes = await runWorker<string[]>(dataDir, ["codes", o2.app!.id, "40", SCOPE]);
  const users = query<{ id: string }>(dbFile, "SELECT g.user_id AS id FROM oauth2_grants g WHERE g.app_id = ? ORDER BY g.id", o2.app!.id).map((u) => u.id);
  checkpoint(dbFile);
  const server = await startServer(dataDir, { fileSizeLimit: LIMIT });
  const { base } = server;
  const tokenAuth = { authorization: basic(o2.app!.clientId, o2.app!.clientSecret!) };
  const exchange = (code: string) => postForm(`${base}/2/oauth2/token`, { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, tokenAuth);
  const bearers = (await Promise.all(codes.splice(0, 3).map(exchange))).map((r) => r.json!.access_token as string);
  const [make1, make2, keys] = await Promise.all(["make1", "make2", "keys"].map((n) => signIn(base, dev(n).username, PASSWORD)));
  const keysApp = dev("keys").app!;
  const acked = { tweets: [] as string[], dms: [] as string[], apps: [] as Keys[], rekeys: [] as Keys[], tokens: [] as string[] };

  const tweet = (bearer: string) => async (i: number) =>
    platformAnswer(
      await fetch(`${base}/2/tweets`, { method: "POST", headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" }, body: JSON.stringify({ text: `full ${i} ${"x".repeat(200)}` }) }),
      201,
      v2Refused,
      (b) => (b.data as { id: string }).id,
    );
  const dm = async (i: number) =>
    platformAnswer(
      await fetch(`${base}/2/dm_conversations/with/${users[1]}/messages`, { method: "POST", headers: { authorization: `Bearer ${bearers[2]}`, "content-type": "application/json" }, body: JSON.stringify({ text: `dm ${i}` }) }),
      201,
      v2Refused,
      (b) => (b.data as { dm_event_id: string }).dm_event_id,
    );
  const create = (cookie: string, accountId: string) => async (i: number) => {
    const r = await callAction<Keys>(base, cookie, "/apps/new", actionId(...CREATE), [null, { name: `full ${accountId.slice(-4)} ${i} ${Date.now().toString(36)}`.slice(0, 32), environment: "production", accountId }]);
    if (r.state?.ok) acked.apps.push(r.state.data!);
    return actionAnswer(r.state, r.status, (d) => String(d.appId));
  };
  const rekey = async () => {
    const r = await callAction<Keys>(base, keys, `/apps/${keysApp.id}/keys`, actionId(...REKEY), [null, { appId: keysApp.id }]);
    if (r.state?.ok) acked.rekeys.push(r.state.data!);
    return actionAnswer(r.state, r.status, (d) => String(d.apiKey));
  };
  const codeExchange = async () => {
    const code = codes.pop();
    if (!code) return { kind: "unexpected", what: "out of codes" } as Answer;
    const r = await exchange(code);
    if (r.status === 200) return { kind: "ok", value: r.json!.access_token as string } as Answer;
    return r.status === 503 && r.json?.error === "temporarily_unavailable" ? ({ kind: "refused" } as Answer) : ({ kind: "unexpected", what: `${r.status} ${r.text.slice(0, 200)}` } as Answer);
  };

  // From here on the server's WAL starts empty and may grow to LIMIT bytes: then the disk is full.
  checkpoint(dbFile);
  const loops: Loop[] = [
    { name: "POST /2/tweets", call: tweet(bearers[0]!), acked: acked.tweets, refused: 0 },
    { name: "POST /2/tweets (2nd user)", call: tweet(bearers[1]!), acked: acked.tweets, refused: 0 },
    { name: "POST /2/dm_conversations/with/:id/messages", call: dm, acked: acked.dms, refused: 0 },
    { name: "createAppAction", call: create(make1, dev("make1").accountId), acked: [], refused: 0 },
    { name: "createAppAction (2nd account)", call: create(make2, dev("make2").accountId), acked: [], refused: 0 },
    { name: "regenerateApiKeyAction", call: rekey, acked: [], refused: 0 },
    { name: "POST /2/oauth2/token", call: codeExchange, acked: acked.tokens, refused: 0 },
  ];
  const unexpected: string[] = [];
  await Promise.all(
    loops.map(async (loop) => {
      for (let i = 0; loop.refused < 3 && i < 400 && unexpected.length === 0; i++) {
        const a = await loop.call(i);
        if (a.kind === "ok") loop.acked.push(a.value);
        else if (a.kind === "refused") loop.refused++;
        else unexpected.push(`${loop.name}: ${a.what}`);
      }
    }),
  );
  assert.deepEqual(unexpected, [], "answers other than success or the family's cannot-save answer");
  for (const loop of loops) assert.ok(loop.refused >= 3, `${loop.name} was never refused: the disk did not fill`);

  const degraded = await health(base);
  assert.equal(degraded.status, "degraded");
  assert.match(degraded.storage!.error, /^SQLITE_IOERR/);
  assert.equal((await fetch(`${base}/2/users/me`, { headers: { authorization: `Bearer ${bearers[0]}` } })).status, 200, "API reads");
  assert.equal((await fetch(`${base}/dashboard`, { headers: { cookie: make1 } })).status, 200, "portal pages");
  const signInError = await signInMessage(base, dev("keys").username);
  assert.equal(signInError, STORAGE_UNAVAILABLE_MESSAGE, "sign-in says it cannot save");

  checkpoint(dbFile); // space freed
  let status = "";
  for (let i = 0; i < 100 && status !== "ok"; i++) {
    status = (await health(base)).status;
    if (status !== "ok") await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(status, "ok", "health back to ok once there is room");
  const after = await tweet(bearers[1]!)(9999);
  assert.equal(after.kind, "ok", "writes work again");
  if (after.kind === "ok") acked.tweets.push(after.value);
  await server.stop();

  // Every acknowledged id is in the database, and every acknowledged credential works after a restart.
  assert.deepEqual(problems(checkDatabase(dbFile)), [], "database consistency");
  const stored = (sql: string) => new Set(query<{ id: string }>(dbFile, sql).map((r) => r.id));
  const tweets = stored("SELECT id FROM tweets");
  const dms = stored("SELECT id FROM dm_events");
  assert.deepEqual(acked.tweets.filter((id) => !tweets.has(id)), [], "acknowledged Tweets missing");
  assert.deepEqual(acked.dms.filter((id) => !dms.has(id)), [], "acknowledged DMs missing");
  for (const app of acked.apps) {
    const rows = query<{ lookup: string }>(dbFile, "SELECT c.lookup FROM apps a JOIN credentials c ON c.app_id = a.id AND c.kind = 'consumer' WHERE a.id = ?", app.appId);
    assert.deepEqual(rows.map((r) => r.lookup), [app.apiKey], `acknowledged App ${app.appId}`);
  }
  const audits = query(dbFile, "SELECT 1 FROM audit_log WHERE app_id = ? AND action = 'app.api_key.regenerate'", keysApp.id).length;
  assert.equal(audits, acked.rekeys.length, "every acknowledged re-key audited, no other committed");
  const current = query<{ lookup: string }>(dbFile, "SELECT lookup FROM credentials WHERE app_id = ? AND kind = 'consumer'", keysApp.id);
  if (acked.rekeys.length) assert.deepEqual(current.map((c) => c.lookup), [acked.rekeys.at(-1)!.apiKey], "the last acknowledged API Key is the current one");
  const restarted = await startServer(dataDir);
  try {
    const me = await Promise.all(acked.tokens.map((t) => fetch(`${restarted.base}/2/users/me`, { headers: { authorization: `Bearer ${t}` } })));
    assert.deepEqual(me.map((r) => r.status), acked.tokens.map(() => 200), "acknowledged access tokens work");
    const appOnly = await Promise.all(acked.apps.map((k) => postForm(`${restarted.base}/oauth2/token`, { grant_type: "client_credentials" }, { authorization: basic(k.apiKey, k.apiKeySecret) })));
    assert.deepEqual(appOnly.map((r) => r.status), acked.apps.map(() => 200), "acknowledged Apps' API Keys work");
  } finally {
    await restarted.stop();
  }
  const refused = loops.reduce((n, l) => n + l.refused, 0);
  log(
    `disk full at ${LIMIT / 1024} KiB of WAL: ${acked.tweets.length} Tweets, ${acked.dms.length} DMs, ${acked.apps.length} Apps, ${acked.rekeys.length} re-keys, ` +
      `${acked.tokens.length} code exchanges acknowledged and all stored; ${refused} writes refused with 503 / the cannot-save message; ` +
      `health degraded (${degraded.storage!.error.split(":")[0]}), reads, pages and the sign-in message fine; ok again after freeing space`,
  );
}

/** The error a credentials sign-in answers (next-auth puts it in the returned URL), or null when it signed in. */
async function signInMessage(base: string, username: string): Promise<string | null> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, identifier: username, password: PASSWORD, json: "true" }),
  });
  const location = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return new URL(location, base).searchParams.get("error");
}

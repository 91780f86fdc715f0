/**
 * The portal when the database cannot take writes (the action's connection made read-only with
 * `PRAGMA query_only`): every server action, called as a caller it allows, says the service cannot
 * save right now — never "Something went wrong" —, writes nothing and logs no error; sign-in and
 * the OAuth 2.0 consent decision say the same. Commit-time failures (a full disk) are covered over
 * HTTP against the real server by `npm run test:crash`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { clearStorageTrouble, STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/domain/storage-health";
import type { CurrentUser } from "@/lib/server/session";
import { ACTIONS, classify, discoverServerActions, type Action } from "./action-matrix";
import { changedTables, snapshot } from "./db-snapshot";
import { buildPortalFixture, CALLBACK, IDENTITIES, SEED_PASSWORD, type Identity, type PortalFixture } from "./portal-fixture";

const holder = vi.hoisted(() => ({ db: undefined as Db | undefined, current: null as CurrentUser | null }));

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-devportal-client-ip": "203.0.113.9" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => holder.db }));
vi.mock("@/lib/server/session", () => ({ ACCOUNT_COOKIE: "dp-account", getCurrentUser: async () => holder.current }));

/** Actions that write nothing when they succeed. */
const WRITES_NOTHING = new Set(["switchAccountAction"]);

let fx: PortalFixture;
const actions = new Map<string, Action>();
let errorSpy: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  fx = await buildPortalFixture();
  for (const [name, action] of await discoverServerActions()) actions.set(name, action);
  errorSpy = vi.spyOn(console, "error");
}, 60_000);

afterAll(() => errorSpy.mockRestore());
afterEach(() => {
  holder.db?.$client.close();
  holder.db = undefined;
  holder.current = null;
  clearStorageTrouble();
});

function signInAs(db: Db, who: Identity): void {
  if (who === "signedOut") return;
  const p = fx.people[who];
  const u = db.$client.prepare("select is_operator from users where id = ?").get(p.user.id) as { is_operator: number };
  holder.current = { actor: { userId: p.user.id, isOperator: Boolean(u.is_operator) }, sessionId: p.sessionId, user: p.user };
}

/** A fresh copy of the fixture, signed in as `who`, whose connection refuses every write. */
function readOnlyAs(who: Identity): { db: Db; before: Record<string, string> } {
  const db = fx.fork();
  holder.db = db;
  signInAs(db, who);
  const before = snapshot(db);
  db.$client.pragma("query_only = ON");
  return { db, before };
}

/** The action's answer; a redirect (Next's control flow after a successful call) counts as ok. */
async function run(action: Action, input: Record<string, unknown>): Promise<{ ok: boolean; message?: string }> {
  try {
    return await action(null, input);
  } catch (err) {
    if (String((err as { digest?: string })?.digest ?? "").startsWith("NEXT_REDIRECT")) return { ok: true };
    throw err;
  }
}

describe("server actions on a database that cannot take writes", () => {
  it.each(Object.keys(ACTIONS))("%s", async (name) => {
    const row = ACTIONS[name]!;
    const who = IDENTITIES.find((i) => row.expect[i] === "ok") ?? "owner";
    const { db, before } = readOnlyAs(who);
    errorSpy.mockClear();
    const result = await run(actions.get(name)!, row.input(fx));
    // A refusal decided inside the write transaction (BEGIN IMMEDIATE) meets the storage failure first.
    if (row.expect[who] !== "ok") expect([row.expect[who], `error:${STORAGE_UNAVAILABLE_MESSAGE}`]).toContain(classify(result));
    else if (WRITES_NOTHING.has(name)) expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, message: STORAGE_UNAVAILABLE_MESSAGE });
    db.$client.pragma("query_only = OFF");
    expect(changedTables(before, snapshot(db))).toEqual([]);
    expect(errorSpy).not.toHaveBeenCalled();
  });
});

describe("sign-in and the OAuth 2.0 consent decision on a database that cannot take writes", () => {
  it("sign-in answers the cannot-save message (the sign-in form shows it) instead of a database error", async () => {
    const { authOptions } = await import("@/lib/server/auth-options");
    const provider = authOptions().providers[0] as unknown as { options: { authorize: (c: Record<string, string>, r: unknown) => Promise<unknown> } };
    readOnlyAs("signedOut");
    const signIn = provider.options.authorize({ identifier: fx.people.owner.user.username, password: SEED_PASSWORD }, { headers: {} });
    await expect(signIn).rejects.toThrow(STORAGE_UNAVAILABLE_MESSAGE);
  });

  it("the consent decision answers a 503 page with Retry-After and a way back, and grants nothing", async () => {
    const { POST } = (await import("@/app/i/oauth2/authorize/decision/route")) as { POST: (r: Request) => Promise<Response> };
    const { consentTicket } = await import("@/lib/oauth2/consent-ticket");
    const { s256 } = await import("@/lib/oauth2/pkce");
    const { db, before } = readOnlyAs("owner");
    const clientId = (db.$client.prepare("select client_id from apps where id = ?").get(fx.appId) as { client_id: string }).client_id;
    const fields = { response_type: "code", client_id: clientId, redirect_uri: CALLBACK, scope: "tweet.read users.read", state: "st", code_challenge: s256("v".repeat(43)), code_challenge_method: "S256" };
    const res = await POST(
      new Request("http://portal.test/i/oauth2/authorize/decision", {
        method: "POST",
        headers: { origin: "http://portal.test", host: "portal.test", "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...fields, decision: "approve", ticket: consentTicket(holder.current!.sessionId, fields) }),
      }),
    );
    expect([res.status, res.headers.get("retry-after"), res.headers.get("content-security-policy")]).toEqual([503, "30", "frame-ancestors 'none'"]);
    const html = await res.text();
    expect(html).toContain(STORAGE_UNAVAILABLE_MESSAGE.replace(/'/g, "&#39;"));
    expect(html).toContain(`href="/i/oauth2/authorize?response_type=code&#38;client_id=${clientId}`);
    db.$client.pragma("query_only = OFF");
    expect(changedTables(before, snapshot(db))).toEqual([]);
  });
});

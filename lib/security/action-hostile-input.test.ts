/**
 * Property-based hostile payloads for every server action (the real action: zod schema, wrapper and
 * domain call), as a caller the action allows: each field of a valid payload replaced by generated
 * values (strings, numbers, arrays, objects, Blobs), fields dropped, extra fields added. Never
 * "Something went wrong" (the wrapper's answer to an unexpected exception), never console.error,
 * and a refusal leaves every table as it was. Seeded and bounded (FC_SEED, FC_ACTION_RUNS).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { CurrentUser } from "@/lib/server/session";
import { ACTIONS, discoverServerActions, type Action } from "./action-matrix";
import { changedTables, snapshot } from "./db-snapshot";
import { buildPortalFixture, IDENTITIES, type PortalFixture, type SignedIn } from "./portal-fixture";

const holder = vi.hoisted(() => ({ db: undefined as Db | undefined, current: null as CurrentUser | null }));

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-devportal-client-ip": "203.0.113.8" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => holder.db }));
vi.mock("@/lib/server/session", () => ({ ACCOUNT_COOKIE: "dp-account", getCurrentUser: async () => holder.current }));

const SEED = Number(process.env.FC_SEED ?? 20_260_601);
const RUNS = Number(process.env.FC_ACTION_RUNS ?? 25);
const GENERIC_FAILURE = "Something went wrong. Try again.";

let fx: PortalFixture;
const actions = new Map<string, Action>();
let errorSpy: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  fx = await buildPortalFixture();
  for (const [name, action] of await discoverServerActions()) actions.set(name, action);
  errorSpy = vi.spyOn(console, "error");
}, 60_000);

afterAll(() => errorSpy.mockRestore());

const NASTY = ["", " ", "\u0000", "%00", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "𝕏", "\u202e", "-1", "0", "1e309", "NaN", "99999999999999999999999", "__proto__", "javascript:alert(1)", "x".repeat(10_000)];
const value = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.stringMatching(/^\d{1,25}$/) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt()) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.record({ url: fc.string({ maxLength: 40 }) })), { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => new Blob([b])) },
);

/** A valid payload with some fields replaced or dropped and some extra fields added. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid);
  return fc
    .record({
      replace: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }),
      drop: fc.subarray(keys, { maxLength: Math.min(2, keys.length) }),
      extra: fc.dictionary(fc.constantFrom("__proto__", "constructor", "$ACTION_ID_x", "isOperator", "ownerUserId", "accountId", "role"), value, { maxKeys: 2 }),
    })
    .map(({ replace, drop, extra }) => {
      const out: Record<string, unknown> = { ...valid };
      for (const [k, v] of Object.entries(replace)) out[k] = v;
      for (const k of drop) delete out[k];
      for (const [k, v] of Object.entries(extra)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/** The first caller the matrix allows (the action's normal user). */
function allowedCaller(name: string): SignedIn {
  const r = ACTIONS[name]!;
  return (IDENTITIES.filter((i) => i !== "signedOut") as SignedIn[]).find((i) => r.expect[i] === "ok") ?? "owner";
}

describe("server actions survive generated payloads", () => {
  it.each(Object.keys(ACTIONS).map((name, i) => [name, i] as const))("%s", async (name, i) => {
    const action = actions.get(name)!;
    expect(action, `${name} was not found in app/`).toBeTypeOf("function");
    const who = allowedCaller(name);
    const db = fx.fork();
    holder.db = db;
    const p = fx.people[who];
    const isOperator = Boolean((db.$client.prepare("select is_operator from users where id = ?").get(p.user.id) as { is_operator: number }).is_operator);
    holder.current = { actor: { userId: p.user.id, isOperator }, sessionId: p.sessionId, user: p.user };
    try {
      await fc.assert(
        fc.asyncProperty(mutated(ACTIONS[name]!.input(fx)), async (input) => {
          errorSpy.mockClear();
          const before = snapshot(db);
          let result: { ok: boolean; message?: string } | "redirect";
          try {
            result = await action(null, input);
          } catch (err) {
            if (!String((err as { digest?: string })?.digest ?? "").startsWith("NEXT_REDIRECT")) throw err;
            result = "redirect";
          }
          if (result === "redirect" || result.ok) return;
          expect(result.message, `${name} answered the generic failure for ${String(Object.keys(input))}`).not.toBe(GENERIC_FAILURE);
          expect(errorSpy).not.toHaveBeenCalled();
          expect(changedTables(before, snapshot(db)), `${name}: a refusal wrote to the database`).toEqual([]);
        }),
        { seed: SEED + i, numRuns: RUNS },
      );
    } finally {
      holder.db = undefined;
      holder.current = null;
      db.$client.close();
    }
  }, 120_000);
});

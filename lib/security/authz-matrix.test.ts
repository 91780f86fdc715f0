/**
 * Authorization matrix: every server action (discovered from the "use server" modules under app/)
 * and every route handler (app/**\/route.ts) is called as each of six callers, against a fresh
 * copy of the same seeded database, and must allow or refuse exactly as the table says. A refusal
 * must leave every table untouched. An exported action or route method without a row fails.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import type { CurrentUser } from "@/lib/server/session";
import { changedTables, snapshot } from "./db-snapshot";
import { ACTIONS, classify, type Action, type Outcome } from "./action-matrix";
import { buildPortalFixture, CALLBACK, IDENTITIES, type Identity, type PortalFixture } from "./portal-fixture";

const holder = vi.hoisted(() => ({ db: undefined as Db | undefined, current: null as CurrentUser | null }));

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-devportal-client-ip": "203.0.113.7" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => holder.db }));
// The session lookup is the one thing faked: the identity of the request.
vi.mock("@/lib/server/session", () => ({ ACCOUNT_COOKIE: "dp-account", getCurrentUser: async () => holder.current }));

const ROOT = path.resolve(__dirname, "../..");

// ---------------------------------------------------------------------------------------------
// Discovery: the "use server" modules and route handlers that exist in app/, read from disk.

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : walk(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");
const sources = [...walk(path.join(ROOT, "app")), ...walk(path.join(ROOT, "components"))];
/** A module whose first statement is the "use server" directive. */
const isServerModule = (text: string) => /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(text);
const actionModules = sources.filter((p) => isServerModule(fs.readFileSync(p, "utf8")));
const routeModules = sources.filter((p) => /(^|\/)route\.ts$/.test(rel(p)));

/** The HTTP methods a route module exports (`export async function GET`, `export { handler as POST }`). */
function exportedMethods(text: string): string[] {
  const methods = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
  for (const m of text.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()!;
      if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) methods.add(name);
    }
  }
  return [...methods].sort();
}

let fx: PortalFixture;
const modules = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  fx = await buildPortalFixture();
  for (const file of actionModules) modules.set(rel(file), (await import(file)) as Record<string, unknown>);
}, 60_000);

function asIdentity(db: Db, who: Identity): CurrentUser | null {
  if (who === "signedOut") return null;
  const p = fx.people[who];
  // The actor as the session would resolve it from the (forked) database.
  const u = db.$client.prepare("select is_operator from users where id = ?").get(p.user.id) as { is_operator: number };
  return { actor: { userId: p.user.id, isOperator: Boolean(u.is_operator) }, sessionId: p.sessionId, user: p.user };
}

async function runAction(action: Action, input: Record<string, unknown>, verify: (result: { ok: boolean; data?: unknown }) => void): Promise<Outcome> {
  try {
    const result = await action(null, input);
    if (result.ok) verify(result);
    return classify(result);
  } catch (err) {
    // redirect() after a successful domain call (Next's control flow, passed through by the wrapper).
    if (String((err as { digest?: string })?.digest ?? "").startsWith("NEXT_REDIRECT")) return "ok";
    throw err;
  }
}

describe("discovery", () => {
  it("finds the server-action modules and route handlers", () => {
    expect(actionModules.length).toBeGreaterThanOrEqual(10);
    expect(routeModules.map(rel)).toContain("app/i/oauth2/authorize/decision/route.ts");
  });

  it("every exported server action has a row in the matrix (and every row an action)", () => {
    const exported: string[] = [];
    for (const [file, mod] of modules) {
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value !== "function") continue;
        expect(exported, `${name} is exported twice (${file})`).not.toContain(name);
        exported.push(name);
      }
    }
    const missing = exported.filter((n) => !(n in ACTIONS));
    expect(missing, "server actions without a row in lib/security/authz-matrix.test.ts").toEqual([]);
    expect(Object.keys(ACTIONS).filter((n) => !exported.includes(n)), "rows for actions that no longer exist").toEqual([]);
  });

  it("no inline 'use server' functions hide outside the server-action modules", () => {
    const inline = sources.filter((p) => !actionModules.includes(p) && /["']use server["']/.test(fs.readFileSync(p, "utf8")));
    expect(inline.map(rel)).toEqual([]);
  });

  it("every route handler method has a row", () => {
    const found = routeModules.flatMap((p) => exportedMethods(fs.readFileSync(p, "utf8")).map((m) => `${m} ${rel(p)}`)).sort();
    expect(found).toEqual(Object.keys(ROUTES).sort());
  });
});

describe("server actions × callers", () => {
  const cases = Object.entries(ACTIONS).flatMap(([name, r]) => IDENTITIES.map((who) => [name, who, r] as const));

  it.each(cases)("%s as %s", async (name, who, r) => {
    const action = [...modules.values()].map((m) => m[name]).find((v) => typeof v === "function") as Action;
    const db = fx.fork();
    try {
      holder.db = db;
      holder.current = asIdentity(db, who);
      const before = snapshot(db);
      const outcome = await runAction(action, r.input(fx), (result) => r.verify?.(db, fx, who, result));
      expect(outcome).toBe(r.expect[who]);
      if (outcome !== "ok") expect(changedTables(before, snapshot(db)), "a refused call wrote to the database").toEqual([]);
    } finally {
      holder.db = undefined;
      holder.current = null;
      db.$client.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Route handlers: called as functions with a Request, the session faked as above.

interface RouteRow {
  /** What each caller gets; `null` = covered over real HTTP by e2e/security.spec.ts. */
  run: ((who: Identity) => Promise<void>) | null;
  note: string;
}

const ROUTES: Record<string, RouteRow> = {
  "GET app/(portal)/(developer)/apps/[appId]/icon/route.ts": {
    note: "public by design: consent pages show the icon to any user",
    run: async () => {
      const { GET } = (await import("@/app/(portal)/(developer)/apps/[appId]/icon/route")) as { GET: (r: Request, c: unknown) => Promise<Response> };
      const get = (appId: string) => GET(new Request(`http://portal.test/apps/${appId}/icon`), { params: Promise.resolve({ appId }) });
      const ok = await get(fx.appId);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toBe("image/png");
      expect(ok.headers.get("content-security-policy")).toBe("default-src 'none'");
      for (const bad of [fx.standaloneAppId, "../../etc/passwd", "1 or 1=1", "x".repeat(30)]) expect((await get(bad)).status).toBe(404);
    },
  },
  "GET app/api/auth/[...nextauth]/route.ts": { note: "next-auth: public sign-in endpoints; e2e/security.spec.ts", run: null },
  "POST app/api/auth/[...nextauth]/route.ts": { note: "next-auth: public sign-in endpoints; e2e/security.spec.ts", run: null },
  "POST app/i/oauth2/authorize/decision/route.ts": {
    note: "signed-in users decide for their own account, with their own session's ticket",
    run: async (who) => {
      const { POST } = (await import("@/app/i/oauth2/authorize/decision/route")) as { POST: (r: Request) => Promise<Response> };
      const { consentTicket } = await import("@/lib/oauth2/consent-ticket");
      const { s256 } = await import("@/lib/oauth2/pkce");
      const db = holder.db!;
      const clientId = (db.$client.prepare("select client_id from apps where id = ?").get(fx.appId) as { client_id: string }).client_id;
      const fields = {
        response_type: "code",
        client_id: clientId,
        redirect_uri: CALLBACK,
        scope: "tweet.read users.read",
        state: "st",
        code_challenge: s256("v".repeat(43)),
        code_challenge_method: "S256",
      };
      const post = (ticket: string) =>
        POST(
          new Request("http://portal.test/i/oauth2/authorize/decision", {
            method: "POST",
            headers: { origin: "http://portal.test", host: "portal.test", "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ ...fields, decision: "approve", ticket }),
          }),
        );
      const grants = () => (db.$client.prepare("select count(*) n from oauth2_grants").get() as { n: number }).n;
      const before = grants();
      // Another account's ticket (a session that is not the caller's) never works.
      const otherSession = who === "stranger" ? fx.people.owner.sessionId : fx.people.stranger.sessionId;
      const foreign = await post(consentTicket(otherSession, fields));
      expect(foreign.status).toBe(303);
      if (who === "signedOut") expect(foreign.headers.get("location")).toMatch(/^\/signin\?callbackUrl=/);
      else expect(foreign.headers.get("location")).toMatch(/^\/i\/oauth2\/authorize\?/);
      expect(grants()).toBe(before);
      if (who === "signedOut") return;
      const own = await post(consentTicket(holder.current!.sessionId, fields));
      expect(own.status).toBe(303);
      expect(own.headers.get("location")).toMatch(new RegExp(`^${CALLBACK}\\?state=st&code=`));
      expect(grants()).toBe(before + 1);
    },
  },
};

describe("route handlers × callers", () => {
  const cases = Object.entries(ROUTES)
    .filter(([, r]) => r.run)
    .flatMap(([name, r]) => IDENTITIES.map((who) => [name, who, r] as const));

  it.each(cases)("%s as %s", async (_name, who, r) => {
    const db = fx.fork();
    try {
      holder.db = db;
      holder.current = asIdentity(db, who);
      await r.run!(who);
    } finally {
      holder.db = undefined;
      holder.current = null;
      db.$client.close();
    }
  });
});

afterAll(() => {
  holder.db = undefined;
});

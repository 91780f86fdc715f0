import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { developerAccounts } from "@/db/schema";
import { createApp } from "@/lib/domain/apps";
import type { PublicUser } from "@/lib/domain/users";
import { answer, call, oauth1Token, oauth2Token, seedApiApp, seedUser, startPlatform, uniqueName, type ApiApp, type Auth } from "./api-test-support";

/**
 * The authentication cache (lib/domain/auth-cache.ts) against a change made by another process:
 * `npm run admin` run while the platform serves, and the very next request sees it.
 */
const run = promisify(execFile);
const admin = async (...args: string[]) => (await run("npm", ["run", "--silent", "admin", "--", ...args], { env: process.env })).stdout.trim();

let platform: { base: string; close: () => Promise<void> };
let app: ApiApp;
let user: PublicUser;
let bearer: Auth;
let oauth1: Auth;
let moved: { id: string; name: string; bearer: Auth };

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;
const post = (path: string, authorization: string, body: string) =>
  fetch(`${platform.base}${path}`, { method: "POST", headers: { authorization, "content-type": "application/x-www-form-urlencoded" }, body });

/** users/me with a bearer token and with OAuth 1.0a, app-only client_credentials, and introspection by the App: their statuses. */
async function statuses() {
  const me = (auth: Auth) => call("GET", `${platform.base}/2/users/me`, auth).then((r) => r.status);
  return {
    bearer: await me(bearer),
    oauth1: await me(oauth1),
    clientCredentials: (await post("/oauth2/token", basic(app.consumer.key, app.consumer.secret), "grant_type=client_credentials")).status,
    introspect: (await post("/2/oauth2/introspect", basic(app.app.clientId, app.clientSecret), `token=${encodeURIComponent((bearer as { bearer: string }).bearer)}`)).status,
  };
}
const SERVED = { bearer: 200, oauth1: 200, clientCredentials: 200, introspect: 200 };

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  app = await seedApiApp(db, "cachecli");
  user = await seedUser(db, "cacheuser");
  bearer = { bearer: await oauth2Token(db, platform.base, app, user.id, "tweet.read users.read") };
  oauth1 = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, user.id) } };
  // A second App in the same Project (Elevated allows three), the one a move to Essential detaches.
  db.update(developerAccounts).set({ tier: "elevated" }).where(eq(developerAccounts.id, app.account.id)).run();
  const second = createApp(db, app.actor, app.account.id, { name: uniqueName("second"), environment: "development", projectId: app.projectId! });
  moved = { id: second.app.id, name: second.app.name, bearer: { bearer: second.secrets.bearerToken } };
});
afterAll(() => platform.close());

describe("a change by `npm run admin` in another process, while the platform serves", () => {
  it("suspension and reinstatement take effect on the very next request of every kind of credential", async () => {
    expect(await statuses()).toEqual(SERVED);
    expect(await statuses()).toEqual(SERVED); // now answered from the cache

    expect(await admin("suspend", app.app.id, "Cache", "test")).toMatch(/suspended/);
    const suspended = await call("GET", `${platform.base}/2/users/me`, bearer);
    expect(await answer(suspended)).toMatchObject({ status: 403, body: { client_id: app.app.id, reason: "client-suspended" } });
    expect(await statuses()).toEqual({ bearer: 403, oauth1: 403, clientCredentials: 403, introspect: 401 });

    expect(await admin("reinstate", app.app.id)).toMatch(/reinstated/);
    expect(await statuses()).toEqual(SERVED);
  }, 120_000);

  it("a tier change that moves an App to Standalone answers client-not-enrolled on the very next request", async () => {
    const lookup = () => call("GET", `${platform.base}/2/users/${user.id}`, moved.bearer);
    expect((await lookup()).status).toBe(200);
    expect((await lookup()).status).toBe(200);

    expect(await admin("set-tier", app.account.id, "essential")).toBe(`tier set to essential; moved to Standalone: ${moved.name}`);
    expect(await answer(await lookup())).toMatchObject({ status: 403, body: { client_id: moved.id, reason: "client-not-enrolled" } });
    expect((await call("GET", `${platform.base}/2/users/me`, bearer)).status).toBe(200); // the App that stayed in the Project
  }, 120_000);
});

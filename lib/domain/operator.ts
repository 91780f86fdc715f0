import { and, asc, desc, eq, gte, inArray, like, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apps, credentials, developerAccounts, memberships, projects, users } from "@/db/schema";
import type { SetTierInput, SuspendAppInput } from "@/lib/validation/operator";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { queueEmail } from "./outbox";
import { TIER_LIMITS } from "./tiers";
import type { Tier } from "@/lib/validation/enums";

export const APPEAL_URL = () => process.env.APPEAL_URL ?? "https://help.x.com/forms/platform";
export const OPERATOR_PAGE_SIZE = 50;

/** Operator-only calls answer not_found to everyone else, like a page that does not exist. */
export function requireOperator(actor: Actor | null): asserts actor is Actor {
  if (!actor?.isOperator) throw new DomainError("not_found", "Not found");
}

/** A page of a list plus whether another page follows (one extra row is read to know). */
export interface OperatorPage<T> {
  items: T[];
  page: number;
  hasMore: boolean;
}

function toPage<T>(rows: T[], page: number, size: number): OperatorPage<T> {
  return { items: rows.slice(0, size), page, hasMore: rows.length > size };
}

/** Developer accounts, newest first, with how many Apps each has. */
export function listAccountsForOperator(db: Db, actor: Actor, q = "", page = 1, size = OPERATOR_PAGE_SIZE): OperatorPage<{ id: string; kind: "personal" | "team"; name: string; tier: Tier; apps: number }> {
  requireOperator(actor);
  const needle = q.toLowerCase();
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = needle ? or(eq(developerAccounts.id, q), sql`lower(${developerAccounts.name}) like ${pattern} escape '\\'`) : undefined;
  // A join, not a correlated subquery in raw sql: drizzle leaves columns unqualified in a one-table
  // select, and "account_id = id" inside the subquery compared the App with itself (always 0).
  const rows = db
    .select({
      id: developerAccounts.id,
      kind: developerAccounts.kind,
      name: developerAccounts.name,
      tier: developerAccounts.tier,
      apps: sql<number>`count(${apps.id})`,
    })
    .from(developerAccounts)
    .leftJoin(apps, eq(apps.accountId, developerAccounts.id))
    .where(where)
    .groupBy(developerAccounts.id)
    .orderBy(desc(developerAccounts.createdAt), desc(developerAccounts.id))
    .limit(size + 1)
    .offset((page - 1) * size)
    .all();
  return toPage(rows, page, size);
}

/** Admins of an account: who is told about tier changes and suspensions. */
function accountAdmins(db: Db, accountId: string) {
  return db
    .select({ id: users.id, email: users.email, username: users.username })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, accountId), eq(memberships.role, "admin")))
    .all();
}

/**
 * Changes an account's tier; limits apply at once. Apps over a Project's new limit move to
 * Standalone Apps (newest first), as X did, and the admins are told by e-mail.
 */
export function setTier(db: Db, actor: Actor, input: SetTierInput): { moved: Array<{ id: string; name: string }> } {
  requireOperator(actor);
  return db.transaction((tx) => {
    const account = tx.select().from(developerAccounts).where(eq(developerAccounts.id, input.accountId)).get();
    if (!account) throw new DomainError("not_found", "Developer account not found");
    tx.update(developerAccounts).set({ tier: input.tier }).where(eq(developerAccounts.id, account.id)).run();
    const perProject = TIER_LIMITS[input.tier].appsPerProject;
    const moved: Array<{ id: string; name: string; projectId: string | null }> = [];
    for (const p of tx.select({ id: projects.id }).from(projects).where(eq(projects.accountId, account.id)).all()) {
      const inProject = tx.select({ id: apps.id, name: apps.name, projectId: apps.projectId }).from(apps).where(eq(apps.projectId, p.id)).orderBy(asc(apps.createdAt)).all();
      moved.push(...inProject.slice(perProject));
    }
    if (moved.length) tx.update(apps).set({ projectId: null, updatedAt: Date.now() }).where(inArray(apps.id, moved.map((m) => m.id))).run();
    for (const m of moved) {
      recordAudit(tx, { accountId: account.id, projectId: m.projectId, appId: m.id, actorUserId: actor.userId, action: "app.detach", details: { reason: `tier changed to ${input.tier}` } });
    }
    const label = TIER_LIMITS[input.tier].label;
    for (const admin of accountAdmins(tx as unknown as Db, account.id)) {
      queueEmail(tx, {
        toUserId: admin.id,
        toEmail: admin.email,
        subject: `Your developer account now has ${label} access`,
        body:
          `The access level of ${account.name} changed to ${label}.` +
          (moved.length ? `\n\nThese Apps were over the new limit and moved to Standalone Apps (v2 calls need a Project):\n${moved.map((m) => `- ${m.name} (${m.id})`).join("\n")}` : ""),
      });
    }
    return { moved: moved.map(({ id, name }) => ({ id, name })) };
  });
}

/** Apps by name prefix, App ID, or API Key hint ("abcd…wxyz", or a full key). */
export function searchApps(db: Db, actor: Actor, q: string, page = 1, size = OPERATOR_PAGE_SIZE) {
  requireOperator(actor);
  const query = q.trim();
  const hint = /^([A-Za-z0-9]{4})(?:…|\.\.\.)([A-Za-z0-9]{4})$/.exec(query);
  let where;
  if (/^\d{1,20}$/.test(query)) where = eq(apps.id, query);
  else if (hint || /^[A-Za-z0-9]{25}$/.test(query)) {
    const pattern = hint ? `${hint[1]}%${hint[2]}` : query;
    where = inArray(apps.id, db.select({ id: credentials.appId }).from(credentials).where(and(eq(credentials.kind, "consumer"), like(credentials.lookup, pattern))));
  } else if (query) {
    const lower = query.toLowerCase();
    where = and(gte(apps.nameLower, lower), lt(apps.nameLower, `${lower}\uffff`));
  }
  const rows = db
    .select({
      id: apps.id,
      name: apps.name,
      status: apps.status,
      suspendedReason: apps.suspendedReason,
      ownerUsername: users.username,
      accountName: developerAccounts.name,
      accountKind: developerAccounts.kind,
      projectId: apps.projectId,
    })
    .from(apps)
    .innerJoin(users, eq(users.id, apps.ownerUserId))
    .innerJoin(developerAccounts, eq(developerAccounts.id, apps.accountId))
    .where(where)
    .orderBy(query && !/^\d+$/.test(query) ? asc(apps.nameLower) : desc(apps.createdAt))
    .limit(size + 1)
    .offset((page - 1) * size)
    .all();
  return toPage(rows, page, size);
}

/** Suspends an App: every credential fails from now on, and the owner gets the notice e-mail. */
export function suspendApp(db: Db, actor: Actor, input: SuspendAppInput): void {
  requireOperator(actor);
  db.transaction((tx) => {
    const row = tx.select({ app: apps, email: users.email }).from(apps).innerJoin(users, eq(users.id, apps.ownerUserId)).where(eq(apps.id, input.appId)).get();
    if (!row) throw new DomainError("not_found", "App not found");
    tx.update(apps).set({ status: "suspended", suspendedReason: input.reason, updatedAt: Date.now() }).where(eq(apps.id, row.app.id)).run();
    recordAudit(tx, { accountId: row.app.accountId, projectId: row.app.projectId, appId: row.app.id, actorUserId: actor.userId, action: "app.suspend", details: { reason: input.reason } });
    queueEmail(tx, {
      toUserId: row.app.ownerUserId,
      toEmail: row.email,
      subject: "Application suspension notice",
      body:
        `Your App "${row.app.name}" (App ID ${row.app.id}) has been suspended for violating the Developer Agreement and Policy.\n\n` +
        `Reason: ${input.reason}\n\nWhile it is suspended its keys and tokens do not work. ` +
        `To appeal, or to work with us on fixing the problem, use the platform help form: ${APPEAL_URL()}`,
    });
  });
}

export function reinstateApp(db: Db, actor: Actor, appId: string): void {
  requireOperator(actor);
  db.transaction((tx) => {
    const app = tx.select().from(apps).where(eq(apps.id, appId)).get();
    if (!app) throw new DomainError("not_found", "App not found");
    tx.update(apps).set({ status: "active", suspendedReason: null, updatedAt: Date.now() }).where(eq(apps.id, app.id)).run();
    recordAudit(tx, { accountId: app.accountId, projectId: app.projectId, appId: app.id, actorUserId: actor.userId, action: "app.reinstate" });
  });
}

/** For the self-hosters' CLI: make an existing user an operator. */
export function makeOperator(db: Db, username: string): void {
  const res = db.update(users).set({ isOperator: true }).where(eq(users.usernameLower, username.replace(/^@/, "").toLowerCase())).run();
  if (res.changes === 0) throw new DomainError("not_found", `No account is called @${username}`);
}

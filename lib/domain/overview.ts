import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apps, projects, users } from "@/db/schema";
import type { Actor } from "./actor";
import { getDeveloperAccount, type DeveloperAccount } from "./developer-accounts";
import { TIER_LIMITS, type TierLimits } from "./tiers";
import { accountUsage, type AccountUsage } from "./usage";

export const STANDALONE_PAGE_SIZE = 20;

export interface AppSummary {
  id: string;
  name: string;
  environment: string;
  status: "active" | "suspended";
  projectId: string | null;
  ownerUsername: string;
  iconVersion: number;
  canManage: boolean;
}

export interface ProjectSummary {
  id: string;
  name: string;
  description: string;
  apps: AppSummary[];
}

export interface AccountOverview {
  account: DeveloperAccount;
  limits: TierLimits;
  usage: AccountUsage;
  projects: ProjectSummary[];
  standalone: { items: AppSummary[]; page: number; pageCount: number };
}

const appColumns = {
  id: apps.id,
  name: apps.name,
  environment: apps.environment,
  status: apps.status,
  projectId: apps.projectId,
  ownerUserId: apps.ownerUserId,
  ownerUsername: users.username,
  iconVersion: apps.iconVersion,
};

/** Everything the dashboard shows, in a fixed number of queries (none per row). */
export function accountOverview(db: Db, actor: Actor, accountId: string, standalonePage = 1): AccountOverview {
  const account = getDeveloperAccount(db, actor, accountId);
  const summarize = (a: { ownerUserId: string } & Omit<AppSummary, "canManage">): AppSummary => {
    const { ownerUserId, ...rest } = a;
    return { ...rest, canManage: account.role === "admin" || ownerUserId === actor.userId };
  };
  const projectRows = db.select().from(projects).where(eq(projects.accountId, accountId)).orderBy(asc(projects.createdAt)).all();
  const projectApps = projectRows.length
    ? db
        .select(appColumns)
        .from(apps)
        .innerJoin(users, eq(users.id, apps.ownerUserId))
        .where(inArray(apps.projectId, projectRows.map((p) => p.id)))
        .orderBy(asc(apps.createdAt))
        .all()
    : [];
  const usage = accountUsage(db, accountId);
  const pageCount = Math.max(1, Math.ceil(usage.standaloneApps / STANDALONE_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(standalonePage) || 1), pageCount);
  const standalone = db
    .select(appColumns)
    .from(apps)
    .innerJoin(users, eq(users.id, apps.ownerUserId))
    .where(and(eq(apps.accountId, accountId), isNull(apps.projectId)))
    .orderBy(desc(apps.createdAt), desc(apps.id))
    .limit(STANDALONE_PAGE_SIZE)
    .offset((page - 1) * STANDALONE_PAGE_SIZE)
    .all();
  return {
    account,
    limits: TIER_LIMITS[account.tier],
    usage,
    projects: projectRows.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      apps: projectApps.filter((a) => a.projectId === p.id).map(summarize),
    })),
    standalone: { items: standalone.map(summarize), page, pageCount },
  };
}

/** Standalone Apps of an account, for the "connect an existing App" choice. */
export function listStandaloneApps(db: Db, accountId: string): Array<{ id: string; name: string }> {
  return db
    .select({ id: apps.id, name: apps.name })
    .from(apps)
    .where(and(eq(apps.accountId, accountId), isNull(apps.projectId)))
    .orderBy(asc(sql`lower(${apps.name})`))
    .all();
}

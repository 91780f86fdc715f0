import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { apps, projects, type Tier } from "@/db/schema";
import { DomainError } from "./errors";
import { limitMessage, TIER_LIMITS } from "./tiers";

export interface AccountUsage {
  projects: number;
  apps: number;
  standaloneApps: number;
}

export function accountUsage(db: DbOrTx, accountId: string): AccountUsage {
  const p = db.select({ n: sql<number>`count(*)` }).from(projects).where(eq(projects.accountId, accountId)).get()!.n;
  const a = db
    .select({ n: sql<number>`count(*)`, s: sql<number>`coalesce(sum(${apps.projectId} is null), 0)` })
    .from(apps)
    .where(eq(apps.accountId, accountId))
    .get()!;
  return { projects: p, apps: a.n, standaloneApps: a.s };
}

export function appsInProject(db: DbOrTx, projectId: string): number {
  return db.select({ n: sql<number>`count(*)` }).from(apps).where(eq(apps.projectId, projectId)).get()!.n;
}

/** Throws `limit` unless the account has room for one more App (in the Project, when given). */
export function assertRoomForApp(db: DbOrTx, accountId: string, tier: Tier, projectId?: string | null): void {
  const limits = TIER_LIMITS[tier];
  const { apps: total } = accountUsage(db, accountId);
  if (total >= limits.appsTotal) {
    throw new DomainError(
      "limit",
      limitMessage(tier, `You have reached the limit of ${limits.appsTotal} Apps in all`, (l) => l.appsTotal > total),
    );
  }
  if (projectId) {
    const inProject = appsInProject(db, projectId);
    if (inProject >= limits.appsPerProject) {
      throw new DomainError(
        "limit",
        limitMessage(
          tier,
          `This Project already has ${inProject} of ${limits.appsPerProject} App${limits.appsPerProject === 1 ? "" : "s"}`,
          (l) => l.appsPerProject > inProject,
        ),
      );
    }
  }
}

/** Throws `limit` unless the account may create another Project. */
export function assertRoomForProject(db: DbOrTx, accountId: string, tier: Tier): void {
  const limits = TIER_LIMITS[tier];
  const { projects: count } = accountUsage(db, accountId);
  if (count >= limits.projects) {
    throw new DomainError(
      "limit",
      limitMessage(
        tier,
        `You have ${count} of ${limits.projects} Project${limits.projects === 1 ? "" : "s"}`,
        (l) => l.projects > count,
      ),
    );
  }
}


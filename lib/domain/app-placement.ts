import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apps, developerAccounts, projects } from "@/db/schema";
import type { AttachAppInput } from "@/lib/validation/project";
import { loadAppFor } from "./access";
import type { Actor } from "./actor";
import type { App } from "./app-credentials";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { appsInProject } from "./usage";
import { limitMessage, TIER_LIMITS } from "./tiers";

/** Connects a Standalone App to a Project of the same account, room permitting (gives it v2 access). */
export function attachApp(db: Db, actor: Actor, input: AttachAppInput): App {
  return db.transaction(
    (tx) => {
      const { app } = loadAppFor(tx, actor, input.appId, "admin");
      const project = tx
        .select()
        .from(projects)
        .where(and(eq(projects.id, input.projectId), eq(projects.accountId, app.accountId)))
        .get();
      if (!project) throw new DomainError("not_found", "Project not found");
      if (app.projectId === project.id) return app;
      if (app.projectId) throw new DomainError("conflict", "This App is already in a Project. Move it to Standalone Apps first.");
      const tier = tx.select({ tier: developerAccounts.tier }).from(developerAccounts).where(eq(developerAccounts.id, app.accountId)).get()!.tier;
      const limit = TIER_LIMITS[tier].appsPerProject;
      const count = appsInProject(tx, project.id);
      if (count >= limit) {
        throw new DomainError("limit", limitMessage(tier, `This Project already has ${count} of ${limit} App${limit === 1 ? "" : "s"}`, (l) => l.appsPerProject > count));
      }
      const [updated] = tx.update(apps).set({ projectId: project.id, updatedAt: Date.now() }).where(eq(apps.id, app.id)).returning().all();
      recordAudit(tx, { accountId: app.accountId, projectId: project.id, appId: app.id, actorUserId: actor.userId, action: "app.attach", details: { projectId: project.id, projectName: project.name } });
      return updated!;
    },
    { behavior: "immediate" },
  );
}

/** Moves an App out of its Project to Standalone Apps (its v2 access stops). */
export function detachApp(db: Db, actor: Actor, appId: string): App {
  return db.transaction((tx) => {
    const { app } = loadAppFor(tx, actor, appId, "admin");
    if (!app.projectId) return app;
    const [updated] = tx.update(apps).set({ projectId: null, updatedAt: Date.now() }).where(eq(apps.id, app.id)).returning().all();
    recordAudit(tx, { accountId: app.accountId, projectId: app.projectId, appId: app.id, actorUserId: actor.userId, action: "app.detach", details: { projectId: app.projectId } });
    return updated!;
  });
}

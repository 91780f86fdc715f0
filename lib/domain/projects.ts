import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apps, developerAccounts, projects } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { CreateProjectInput, UpdateProjectInput } from "@/lib/validation/project";
import { requireAccountAdmin, roleIn } from "./access";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { numericId } from "./ids";
import { assertRoomForProject } from "./usage";
import { assertFresh, changedFields, contentVersion } from "./versions";

export const PROJECT_FIELDS = ["name", "description", "useCase"] as const;

/** The version of a Project's fields, as the edit form is opened with. */
export const projectVersion = (project: Project): string => contentVersion(project, PROJECT_FIELDS);

export type Project = typeof projects.$inferSelect;

/** A Project the actor's developer account owns, or not_found. */
export function loadProjectFor(db: DbOrTx, actor: Actor, projectId: string): Project {
  const project = db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project) throw new DomainError("not_found", "Project not found");
  try {
    roleIn(db, actor, project.accountId);
  } catch {
    throw new DomainError("not_found", "Project not found");
  }
  return project;
}

/** A Project in any developer account the actor belongs to, or null. */
export function findProjectFor(db: DbOrTx, actor: Actor, projectId: string): Project | null {
  try {
    return loadProjectFor(db, actor, projectId);
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") return null;
    throw err;
  }
}

export function createProject(db: Db, actor: Actor, input: CreateProjectInput): Project {
  return db.transaction(
    (tx) => {
      requireAccountAdmin(tx, actor, input.accountId, "create a Project");
      const account = tx.select().from(developerAccounts).where(eq(developerAccounts.id, input.accountId)).get()!;
      assertRoomForProject(tx, account.id, account.tier);
      let id = numericId();
      while (tx.select({ id: projects.id }).from(projects).where(eq(projects.id, id)).get()) id = numericId();
      const [project] = tx
        .insert(projects)
        .values({ id, accountId: account.id, name: input.name, description: input.description, useCase: input.useCase })
        .returning()
        .all();
      recordAudit(tx, { accountId: account.id, projectId: id, actorUserId: actor.userId, action: "project.create", details: { name: input.name } });
      return project!;
    },
    { behavior: "immediate" },
  );
}

/** Saves the fields the user changed, unless the Project changed since the form was opened (StaleEditError). */
export function updateProject(db: Db, actor: Actor, input: UpdateProjectInput): { project: Project; version: string } {
  const { projectId, version, ...patch } = input;
  return db.transaction((tx) => {
    const before = loadProjectFor(tx, actor, projectId);
    requireAccountAdmin(tx, actor, before.accountId, "edit a Project");
    assertFresh(before, PROJECT_FIELDS, version, "This Project changed since you opened it");
    const changed = changedFields(before, patch, PROJECT_FIELDS);
    if (changed.length === 0) return { project: before, version };
    const [project] = tx
      .update(projects)
      .set({ ...Object.fromEntries(changed.map((k) => [k, patch[k]])), updatedAt: Date.now() })
      .where(eq(projects.id, before.id))
      .returning()
      .all();
    recordAudit(tx, { accountId: before.accountId, projectId: before.id, actorUserId: actor.userId, action: "project.update", details: { changed } });
    return { project: project!, version: projectVersion(project!) };
  });
}

/** Deletes a Project; its Apps move to Standalone (nothing is lost). Returns the moved Apps. */
export function deleteProject(db: Db, actor: Actor, projectId: string): { movedApps: Array<{ id: string; name: string }> } {
  return db.transaction((tx) => {
    const project = loadProjectFor(tx, actor, projectId);
    requireAccountAdmin(tx, actor, project.accountId, "delete a Project");
    const moved = tx.select({ id: apps.id, name: apps.name }).from(apps).where(eq(apps.projectId, projectId)).orderBy(asc(apps.createdAt)).all();
    if (moved.length) {
      tx.update(apps)
        .set({ projectId: null, updatedAt: Date.now() })
        .where(inArray(apps.id, moved.map((a) => a.id)))
        .run();
    }
    for (const app of moved) {
      recordAudit(tx, { accountId: project.accountId, projectId, appId: app.id, actorUserId: actor.userId, action: "app.detach", details: { projectId, reason: "project deleted" } });
    }
    tx.delete(projects).where(and(eq(projects.id, projectId))).run();
    recordAudit(tx, { accountId: project.accountId, projectId, actorUserId: actor.userId, action: "project.delete", details: { name: project.name, movedApps: moved.map((a) => a.id) } });
    return { movedApps: moved };
  });
}

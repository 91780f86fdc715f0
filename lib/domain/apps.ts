import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apps, developerAccounts, projects } from "@/db/schema";
import { generateClientId } from "@/lib/credentials";
import type { CreateAppInput, DeleteAppInput } from "@/lib/validation/app";
import type { Actor } from "./actor";
import { issueBearerToken, issueConsumerKey, type App } from "./app-credentials";
import { recordAudit } from "./audit";
import { loadAppFor, requireAccountAdmin } from "./access";
import { DomainError, isUniqueViolation } from "./errors";
import { numericId } from "./ids";
import { assertRoomForApp } from "./usage";

export interface CreatedApp {
  app: App;
  /** Shown once, on the creation page; only hints are kept visible afterwards. */
  secrets: { apiKey: string; apiKeySecret: string; bearerToken: string };
}

/** What the create-App action hands to the page, once. */
export interface CreatedAppData {
  appId: string;
  name: string;
  apiKey: string;
  apiKeySecret: string;
  bearerToken: string;
}

export const nameTakenError = () =>
  new DomainError("conflict", "That App name is taken", { name: ["That App name is already taken — App names are unique across the platform"] });

/**
 * Creates an App (in a Project or standalone) with its API Key & Secret and Bearer token.
 * The tier check and the insert are one IMMEDIATE transaction, so concurrent creates cannot
 * exceed a limit.
 */
export function createApp(db: Db, actor: Actor, accountId: string, input: CreateAppInput): CreatedApp {
  try {
    return db.transaction(
      (tx) => {
        requireAccountAdmin(tx, actor, accountId, "create an App");
        const account = tx.select().from(developerAccounts).where(eq(developerAccounts.id, accountId)).get()!;
        if (input.projectId) {
          const project = tx
            .select({ id: projects.id })
            .from(projects)
            .where(and(eq(projects.id, input.projectId), eq(projects.accountId, accountId)))
            .get();
          if (!project) throw new DomainError("not_found", "Project not found");
        }
        assertRoomForApp(tx, accountId, account.tier, input.projectId);
        if (tx.select({ id: apps.id }).from(apps).where(eq(apps.nameLower, input.name.toLowerCase())).get()) {
          throw nameTakenError();
        }
        let id = numericId();
        while (tx.select({ id: apps.id }).from(apps).where(eq(apps.id, id)).get()) id = numericId();
        const app = tx
          .insert(apps)
          .values({
            id,
            accountId,
            projectId: input.projectId ?? null,
            ownerUserId: actor.userId,
            name: input.name,
            nameLower: input.name.toLowerCase(),
            environment: input.environment,
            clientId: generateClientId(),
          })
          .returning()
          .all()[0]!;
        const { apiKey, apiKeySecret } = issueConsumerKey(tx, id);
        const bearerToken = issueBearerToken(tx, id);
        recordAudit(tx, {
          accountId,
          projectId: app.projectId,
          appId: id,
          actorUserId: actor.userId,
          action: "app.create",
          details: { name: app.name, environment: app.environment, projectId: app.projectId },
        });
        return { app, secrets: { apiKey, apiKeySecret, bearerToken } };
      },
      { behavior: "immediate" },
    );
  } catch (err) {
    if (isUniqueViolation(err, "name_lower")) throw nameTakenError();
    throw err;
  }
}

/** An App the actor may view, with what they may do with it. */
export function getApp(db: Db, actor: Actor, appId: string) {
  return loadAppFor(db, actor, appId, "view");
}

/**
 * Deletes an App after its name was typed to confirm. Every credential and user token goes with
 * it (foreign keys cascade) in one transaction, and the name is free again.
 */
export function deleteApp(db: Db, actor: Actor, input: DeleteAppInput): { name: string } {
  return db.transaction((tx) => {
    const { app } = loadAppFor(tx, actor, input.appId, "admin");
    if (input.confirmName.trim() !== app.name) {
      throw new DomainError("invalid", "Type the App's name to confirm", { confirmName: [`Type "${app.name}" exactly to confirm`] });
    }
    tx.delete(apps).where(eq(apps.id, app.id)).run();
    recordAudit(tx, { accountId: app.accountId, projectId: app.projectId, appId: app.id, actorUserId: actor.userId, action: "app.delete", details: { name: app.name } });
    return { name: app.name };
  });
}

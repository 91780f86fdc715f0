import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apps } from "@/db/schema";
import type { UpdateAppDetailsInput } from "@/lib/validation/app";
import { fromCallbackRows } from "@/lib/validation/callback-urls";
import { loadAppFor } from "./access";
import type { Actor } from "./actor";
import type { App } from "./app-credentials";
import { nameTakenError } from "./apps";
import { recordAudit } from "./audit";
import { DomainError, isUniqueViolation } from "./errors";

const FIELDS = ["name", "description", "websiteUrl", "callbackUrls", "termsUrl", "privacyUrl", "organizationName", "organizationUrl", "useCase"] as const;

/** Rules that tie App details to the user-authentication settings. */
function assertConsistent(app: App, input: { callbackUrls: string[]; termsUrl: string; privacyUrl: string }): void {
  const errors: Record<string, string[]> = {};
  if ((app.oauth1Enabled || app.oauth2Enabled) && input.callbackUrls.length === 0) {
    errors.callbackUrls = ["Keep at least one callback URL while user authentication is on"];
  }
  if (app.requestEmail && !input.termsUrl) errors.termsUrl = ["Requesting e-mail from users needs a terms of service URL"];
  if (app.requestEmail && !input.privacyUrl) errors.privacyUrl = ["Requesting e-mail from users needs a privacy policy URL"];
  if (Object.keys(errors).length) throw new DomainError("invalid", "Check the highlighted fields", errors);
}

/** Saves the App details section; the audit log records which fields changed. */
export function updateAppDetails(db: Db, actor: Actor, request: UpdateAppDetailsInput): App {
  const input = { ...request, callbackUrls: fromCallbackRows(request.callbackUrls) };
  try {
    return db.transaction((tx) => {
      const { app } = loadAppFor(tx, actor, input.appId, "manage");
      assertConsistent(app, input);
      const nameLower = input.name.toLowerCase();
      if (tx.select({ id: apps.id }).from(apps).where(and(eq(apps.nameLower, nameLower), ne(apps.id, app.id))).get()) {
        throw nameTakenError();
      }
      const changed = FIELDS.filter((f) => JSON.stringify(app[f]) !== JSON.stringify(input[f]));
      if (changed.length === 0) return app;
      const { appId: _appId, ...fields } = input;
      const [updated] = tx
        .update(apps)
        .set({ ...fields, nameLower, updatedAt: Date.now() })
        .where(eq(apps.id, app.id))
        .returning()
        .all();
      const details: Record<string, unknown> = { changed };
      if (changed.includes("name")) details.name = { from: app.name, to: input.name };
      if (changed.includes("callbackUrls")) details.callbackUrls = input.callbackUrls;
      recordAudit(tx, { accountId: app.accountId, projectId: app.projectId, appId: app.id, actorUserId: actor.userId, action: "app.update", details });
      return updated!;
    });
  } catch (err) {
    if (isUniqueViolation(err, "name_lower")) throw nameTakenError();
    throw err;
  }
}

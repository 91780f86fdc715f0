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
import { assertFresh, changedFields, contentVersion, pickFields } from "./versions";

export const APP_DETAILS_FIELDS = ["name", "description", "websiteUrl", "callbackUrls", "termsUrl", "privacyUrl", "organizationName", "organizationUrl", "useCase"] as const;
type DetailsField = (typeof APP_DETAILS_FIELDS)[number];
type Details = Pick<App, DetailsField>;

export const APP_CHANGED_MESSAGE = "This App changed since you opened it";

/** The version of an App's details, as the App details form is opened with. */
export const appDetailsVersion = (app: App): string => contentVersion(app, APP_DETAILS_FIELDS);

/** Rules that tie App details to the user-authentication settings. */
function assertConsistent(app: App, input: Details): void {
  const errors: Record<string, string[]> = {};
  if ((app.oauth1Enabled || app.oauth2Enabled) && input.callbackUrls.length === 0) {
    errors.callbackUrls = ["Keep at least one callback URL while user authentication is on"];
  }
  if (app.requestEmail && !input.termsUrl) errors.termsUrl = ["Requesting e-mail from users needs a terms of service URL"];
  if (app.requestEmail && !input.privacyUrl) errors.privacyUrl = ["Requesting e-mail from users needs a privacy policy URL"];
  if (Object.keys(errors).length) throw new DomainError("invalid", "Check the highlighted fields", errors);
}

/**
 * Saves the fields of the App details section the user changed, provided the App's details are
 * still the ones the form was opened with (else StaleEditError with the saved values: no lost
 * update). The audit log records which fields changed.
 */
export function updateAppDetails(db: Db, actor: Actor, request: UpdateAppDetailsInput): { app: App; version: string } {
  const { appId, version, callbackUrls, ...rest } = request;
  const patch: Partial<Details> = { ...rest, ...(callbackUrls ? { callbackUrls: fromCallbackRows(callbackUrls) } : {}) };
  try {
    return db.transaction((tx) => {
      const { app } = loadAppFor(tx, actor, appId, "manage");
      assertFresh(app, APP_DETAILS_FIELDS, version, APP_CHANGED_MESSAGE);
      const changed = changedFields(app, patch, APP_DETAILS_FIELDS);
      if (changed.length === 0) return { app, version };
      const fields = Object.fromEntries(changed.map((f) => [f, patch[f]])) as Partial<Details>;
      assertConsistent(app, { ...(pickFields(app, APP_DETAILS_FIELDS) as Details), ...fields });
      if (fields.name !== undefined) {
        const clash = tx.select({ id: apps.id }).from(apps).where(and(eq(apps.nameLower, fields.name.toLowerCase()), ne(apps.id, app.id))).get();
        if (clash) throw nameTakenError();
      }
      const [updated] = tx
        .update(apps)
        .set({ ...fields, ...(fields.name !== undefined ? { nameLower: fields.name.toLowerCase() } : {}), updatedAt: Date.now() })
        .where(eq(apps.id, app.id))
        .returning()
        .all();
      const details: Record<string, unknown> = { changed };
      if (fields.name !== undefined) details.name = { from: app.name, to: fields.name };
      if (fields.callbackUrls) details.callbackUrls = fields.callbackUrls;
      recordAudit(tx, { accountId: app.accountId, projectId: app.projectId, appId: app.id, actorUserId: actor.userId, action: "app.update", details });
      return { app: updated!, version: appDetailsVersion(updated!) };
    });
  } catch (err) {
    if (isUniqueViolation(err, "name_lower")) throw nameTakenError();
    throw err;
  }
}

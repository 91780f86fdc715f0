import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Tx } from "@/db/types";
import { apps } from "@/db/schema";
import { authSettingsSchema, isConfidential, type AuthSettingsInput, type SaveAuthSettingsInput } from "@/lib/validation/auth-settings";
import { toCallbackRows } from "@/lib/validation/callback-urls";
import { issuesToFieldErrors } from "@/lib/validation/field-errors";
import type { KeyActionInput } from "@/lib/validation/keys";
import type { Actor } from "./actor";
import { loadAppFor } from "./access";
import { deleteClientSecrets, issueClientSecret, listCredentialHints, type App } from "./app-credentials";
import { recordAudit } from "./audit";
import { APP_CHANGED_MESSAGE } from "./app-details";
import { DomainError } from "./errors";
import { discardAllUserTokens } from "./user-tokens";
import { assertFresh, contentVersion } from "./versions";

/** The saved settings, as the form edits them (plain data, no credential). */
export type AuthSettingsValues = Omit<AuthSettingsInput, "callbackUrls"> & { callbackUrls: string[] };

const SETTINGS = [
  "oauth1Enabled",
  "oauth2Enabled",
  "permission",
  "requestEmail",
  "appType",
  "callbackUrls",
  "websiteUrl",
  "termsUrl",
  "privacyUrl",
  "signInWithX",
] as const satisfies readonly (keyof AuthSettingsValues & keyof App)[];

/** The version of an App's user authentication settings, as the form is opened with. */
export const authSettingsVersion = (app: App): string => contentVersion(app, SETTINGS);

export function getAuthSettings(db: Db, actor: Actor, input: KeyActionInput): AuthSettingsValues {
  return getValues(loadAppFor(db, actor, input.appId, "manage").app);
}

export interface AuthSettingsResult {
  /** Every user token of the App was discarded (the OAuth 1.0a permission changed). */
  tokensDiscarded: boolean;
  /** A new Client Secret (switched to a confidential type): shown once. */
  clientSecret: string | null;
  clientSecretDeleted: boolean;
  clientId: string;
}

/**
 * Saves the user authentication settings in one transaction. A permission change discards every
 * user token of the App (OAuth 1.0a and 2.0, the owner's included). A Client Secret exists exactly
 * while OAuth 2.0 is on with a confidential type (Web App, Automated App or bot).
 */
export function updateAuthSettings(db: Db, actor: Actor, input: AuthSettingsInput, now = Date.now()): AuthSettingsResult {
  return db.transaction((tx) => apply(tx, actor, loadAppFor(tx, actor, input.appId, "manage").app, input, now));
}

/**
 * Saves the settings the user changed, provided the App's settings are still the ones the form was
 * opened with (else StaleEditError with the saved values). The rules are checked on the merged
 * settings, as the form checks them.
 */
export function saveAuthSettings(db: Db, actor: Actor, request: SaveAuthSettingsInput, now = Date.now()): AuthSettingsResult & { version: string } {
  const { version, ...patch } = request;
  return db.transaction((tx) => {
    const { app } = loadAppFor(tx, actor, request.appId, "manage");
    assertFresh(app, SETTINGS, version, APP_CHANGED_MESSAGE);
    const saved = getValues(app);
    const merged = authSettingsSchema.safeParse({ ...saved, callbackUrls: toCallbackRows(saved.callbackUrls), ...patch });
    if (!merged.success) throw new DomainError("invalid", "Check the highlighted fields", issuesToFieldErrors(merged.error));
    const result = apply(tx, actor, app, merged.data, now);
    const updated = tx.select().from(apps).where(eq(apps.id, app.id)).get()!;
    return { ...result, version: authSettingsVersion(updated) };
  });
}

const getValues = (app: App): AuthSettingsValues => ({ appId: app.id, ...Object.fromEntries(SETTINGS.map((k) => [k, app[k]])) }) as AuthSettingsValues;

function apply(tx: Tx, actor: Actor, app: App, input: AuthSettingsInput, now: number): AuthSettingsResult {
  const next: AuthSettingsValues = { ...input, callbackUrls: input.callbackUrls.map((r) => r.url) };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of SETTINGS) {
    if (JSON.stringify(app[k]) !== JSON.stringify(next[k])) changes[k] = { from: app[k], to: next[k] };
  }
  const tokensDiscarded = app.permission !== next.permission;
  if (tokensDiscarded) discardAllUserTokens(tx, app.id);

  const wantsSecret = next.oauth2Enabled && isConfidential(next.appType);
  const secrets = listCredentialHints(tx, app.id, now).filter((h) => h.kind === "client_secret");
  let clientSecret: string | null = null;
  const clientSecretDeleted = !wantsSecret && secrets.length > 0;
  if (wantsSecret && !secrets.some((h) => h.expiresAt === null)) clientSecret = issueClientSecret(tx, app.id);
  if (clientSecretDeleted) deleteClientSecrets(tx, app.id);

  const { appId: _appId, ...values } = next;
  tx.update(apps).set({ ...values, updatedAt: now }).where(eq(apps.id, app.id)).run();
  if (Object.keys(changes).length > 0 || clientSecret || clientSecretDeleted) {
    recordAudit(tx, {
      accountId: app.accountId,
      projectId: app.projectId,
      appId: app.id,
      actorUserId: actor.userId,
      action: "app.auth_settings.update",
      details: { changed: Object.keys(changes), changes, userTokensDiscarded: tokensDiscarded, clientSecret: clientSecret ? "created" : clientSecretDeleted ? "deleted" : "unchanged" },
    });
  }
  return { tokensDiscarded, clientSecret, clientSecretDeleted, clientId: app.clientId };
}

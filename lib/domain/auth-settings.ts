import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apps } from "@/db/schema";
import { isConfidential, type AuthSettingsInput } from "@/lib/validation/auth-settings";
import type { KeyActionInput } from "@/lib/validation/keys";
import type { Actor } from "./actor";
import { loadAppFor } from "./access";
import { deleteClientSecrets, issueClientSecret, listCredentialHints, type App } from "./app-credentials";
import { recordAudit } from "./audit";
import { discardAllUserTokens } from "./user-tokens";

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

export function getAuthSettings(db: Db, actor: Actor, input: KeyActionInput): AuthSettingsValues {
  const { app } = loadAppFor(db, actor, input.appId, "manage");
  return { appId: app.id, ...Object.fromEntries(SETTINGS.map((k) => [k, app[k]])) } as AuthSettingsValues;
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
  const next: AuthSettingsValues = { ...input, callbackUrls: input.callbackUrls.map((r) => r.url) };
  return db.transaction((tx) => {
    const { app } = loadAppFor(tx, actor, input.appId, "manage");
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
  });
}

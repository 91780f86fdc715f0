import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import type { Permission } from "@/db/schema";
import { isConfidential } from "@/lib/validation/auth-settings";
import type { AppType } from "@/lib/validation/enums";
import {
  GRACE_PERIODS,
  type EndGracePeriodInput,
  type GracePeriod,
  type KeyActionInput,
  type RegenerateWithGraceInput,
} from "@/lib/validation/keys";
import type { Actor } from "./actor";
import { loadAppFor } from "./access";
import * as creds from "./app-credentials";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";
import { forgetOAuth1IfTokenless, recordOAuth1Authorization } from "./oauth1/authorizations";
import { appIdentity, ownerIdentity } from "./team-identity";
import { deleteOAuth1AccessToken, issueOAuth1AccessToken, ownerAccessTokenInfo } from "./user-tokens";

interface Hinted {
  hint: string;
  createdAt: number;
}
interface Superseded {
  hint: string;
  expiresAt: number;
}

/** What the Keys and tokens page shows: hints, dates and access levels — never a secret. */
export interface KeysOverview {
  appId: string;
  ownerUsername: string;
  permission: Permission;
  oauth2Enabled: boolean;
  appType: AppType | null;
  /** The OAuth 2.0 Client ID (an identifier), only while OAuth 2.0 is on. */
  clientId: string | null;
  apiKey: (Hinted & { secretHint: string }) | null;
  previousApiKey: Superseded | null;
  bearer: Hinted | null;
  accessToken: (Hinted & { secretHint: string; accessLevel: Permission; outdated: boolean }) | null;
  clientSecret: Hinted | null;
  previousClientSecret: Superseded | null;
}

/** `<user id>-…last4`: enough to match a stored Access Token, useless to an attacker. */
const accessTokenHint = (token: string) => `${token.slice(0, token.indexOf("-"))}-…${token.slice(-4)}`;

export function getKeysOverview(db: Db, actor: Actor, input: KeyActionInput, now = Date.now()): KeysOverview {
  const { app } = loadAppFor(db, actor, input.appId, "manage");
  const hints = creds.listCredentialHints(db, app.id, now);
  const current = (kind: creds.CredentialHint["kind"]) => hints.find((h) => h.kind === kind && h.expiresAt === null);
  const previous = (kind: creds.CredentialHint["kind"]) => {
    const h = hints.find((x) => x.kind === kind && x.expiresAt !== null);
    return h ? { hint: h.hint, expiresAt: h.expiresAt! } : null;
  };
  const consumer = current("consumer");
  const bearer = current("bearer");
  const secret = current("client_secret");
  const identity = ownerIdentity(db, app);
  const token = identity && ownerAccessTokenInfo(db, app.id, identity.userId);
  return {
    appId: app.id,
    ownerUsername: identity?.username ?? "",
    permission: app.permission,
    oauth2Enabled: app.oauth2Enabled,
    appType: app.appType,
    clientId: app.oauth2Enabled ? app.clientId : null,
    apiKey: consumer ? { hint: consumer.hint, secretHint: consumer.secretHint, createdAt: consumer.createdAt } : null,
    previousApiKey: previous("consumer"),
    bearer: bearer ? { hint: bearer.hint, createdAt: bearer.createdAt } : null,
    accessToken: token
      ? {
          hint: accessTokenHint(token.token),
          secretHint: token.secretHint,
          accessLevel: token.accessLevel,
          createdAt: token.createdAt,
          outdated: token.accessLevel !== app.permission,
        }
      : null,
    clientSecret: secret ? { hint: secret.hint, createdAt: secret.createdAt } : null,
    previousClientSecret: previous("client_secret"),
  };
}

const graceUntil = (grace: GracePeriod | undefined, now: number) =>
  grace && GRACE_PERIODS[grace] ? now + GRACE_PERIODS[grace] : undefined;

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * One rotation in grace at a time. A regeneration with a grace period while the previous
 * credential is still in its grace period is refused with a clear message, rather than keeping
 * every key still in grace: the keys page shows one previous credential, and superseding it would
 * cut off at once the key the clients still use (two "1 hour grace" regenerations at the same
 * moment did exactly that). Regenerating without a grace period is always allowed: it ends every
 * old credential now (the emergency path), and "End grace period now" clears the way.
 */
function assertNoGraceInProgress(tx: DbOrTx, appId: string, kind: "consumer" | "client_secret", what: string, now: number): void {
  const ends = creds.graceEndsAt(tx, appId, kind, now);
  if (ends === null) return;
  throw new DomainError(
    "conflict",
    `The previous ${what} still works until ${utc(ends)} (grace period). End that grace period first, or regenerate without a grace period to stop every old one now.`,
  );
}

/** Runs one key operation in a transaction: authorization, the change, and its audit entry. */
function managed<T>(
  db: Db,
  actor: Actor,
  appId: string,
  action: string,
  change: (tx: DbOrTx, app: creds.App) => { result: T; details?: Record<string, unknown>; changed?: boolean },
): T {
  return db.transaction((tx) => {
    const { app } = loadAppFor(tx, actor, appId, "manage");
    const { result, details, changed = true } = change(tx, app);
    if (changed) {
      recordAudit(tx, { accountId: app.accountId, projectId: app.projectId, appId: app.id, actorUserId: actor.userId, action, details });
    }
    return result;
  });
}

/** New API Key & Secret; the old pair stops at once, or at the end of the chosen grace period. User tokens stay valid. */
export function regenerateApiKey(db: Db, actor: Actor, input: RegenerateWithGraceInput, now = Date.now()) {
  const until = graceUntil(input.grace, now);
  return managed(db, actor, input.appId, "app.api_key.regenerate", (tx, app) => {
    if (until) assertNoGraceInProgress(tx, app.id, "consumer", "API Key and Secret", now);
    return {
      result: creds.issueConsumerKey(tx, app.id, { graceUntil: until }),
      details: until ? { gracePeriod: input.grace, previousValidUntil: until } : { gracePeriod: "none" },
    };
  });
}

/** New app-only Bearer token (also "Generate" after a revoke); the old one stops at once. */
export function regenerateBearerToken(db: Db, actor: Actor, input: KeyActionInput) {
  return managed(db, actor, input.appId, "app.bearer_token.regenerate", (tx, app) => ({
    result: { bearerToken: creds.issueBearerToken(tx, app.id) },
  }));
}

export function revokeBearer(db: Db, actor: Actor, input: KeyActionInput): { revoked: boolean } {
  return managed(db, actor, input.appId, "app.bearer_token.revoke", (tx, app) => {
    const revoked = creds.revokeBearerToken(tx, app.id);
    return { result: { revoked }, changed: revoked };
  });
}

/**
 * Generates (or regenerates) the App owner's Access Token and Secret at the App's current
 * permission. It acts for the App's developer account: the personal account's user, or a team's
 * own account (lib/domain/team-identity.ts) — never the member who created the App or who pressed
 * Generate. The token is listed in that account's Connected apps; the previous one stops at once.
 */
export function generateOwnerAccessToken(db: Db, actor: Actor, input: KeyActionInput) {
  return managed(db, actor, input.appId, "app.access_token.generate", (tx, app) => {
    const identity = appIdentity(tx, app);
    const previous = ownerAccessTokenInfo(tx, app.id, identity);
    if (previous) deleteOAuth1AccessToken(tx, previous.token);
    const { token, secret } = issueOAuth1AccessToken(tx, { appId: app.id, userId: identity, accessLevel: app.permission, source: "portal" });
    recordOAuth1Authorization(tx, app.id, identity, app.permission);
    return {
      result: { accessToken: token, accessTokenSecret: secret, accessLevel: app.permission },
      details: { accessLevel: app.permission, replaced: Boolean(previous), actsFor: identity },
    };
  });
}

export function revokeOwnerAccessToken(db: Db, actor: Actor, input: KeyActionInput): { revoked: boolean } {
  return managed(db, actor, input.appId, "app.access_token.revoke", (tx, app) => {
    const identity = appIdentity(tx, app);
    const previous = ownerAccessTokenInfo(tx, app.id, identity);
    const revoked = previous ? deleteOAuth1AccessToken(tx, previous.token) : false;
    if (revoked) forgetOAuth1IfTokenless(tx, app.id, identity);
    return { result: { revoked }, changed: revoked };
  });
}

/** New OAuth 2.0 Client Secret (confidential clients only); the old one stops at once or after the grace period. */
export function regenerateClientSecret(db: Db, actor: Actor, input: RegenerateWithGraceInput, now = Date.now()) {
  const until = graceUntil(input.grace, now);
  return managed(db, actor, input.appId, "app.client_secret.regenerate", (tx, app) => {
    if (!app.oauth2Enabled || !isConfidential(app.appType)) {
      throw new DomainError("invalid", "Only Web Apps and Automated Apps or bots with OAuth 2.0 turned on have a Client Secret");
    }
    if (until) assertNoGraceInProgress(tx, app.id, "client_secret", "Client Secret", now);
    return {
      result: { clientId: app.clientId, clientSecret: creds.issueClientSecret(tx, app.id, { graceUntil: until }) },
      details: until ? { gracePeriod: input.grace, previousValidUntil: until } : { gracePeriod: "none" },
    };
  });
}

/** Ends a rotation grace period early: the previous API Key & Secret / Client Secret stops now. */
export function endGracePeriodEarly(db: Db, actor: Actor, input: EndGracePeriodInput): { ended: boolean } {
  const action = input.kind === "consumer" ? "app.api_key.end_grace" : "app.client_secret.end_grace";
  return managed(db, actor, input.appId, action, (tx, app) => {
    const ended = creds.endGracePeriod(tx, app.id, input.kind);
    return { result: { ended }, changed: ended };
  });
}

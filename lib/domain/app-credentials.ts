import { and, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { apps, credentials } from "@/db/schema";
import {
  apiKeyHint,
  decrypt,
  encrypt,
  generateApiKey,
  generateApiKeySecret,
  generateBearerToken,
  generateClientSecret,
  keyedHash,
  safeEqual,
  secretHint,
} from "@/lib/credentials";
import { AuthCacheRegion, secretDigest } from "./auth-cache";
import { preparedFor } from "./prepared";

export type App = typeof apps.$inferSelect;

/**
 * The App as the platform's per-call paths see it: what authentication, access checks and API
 * answers read. Their lookups select only these columns (drizzle maps every selected column on
 * every call, and whole rows cost more than the indexed lookup); the portal reads whole rows.
 */
export const platformAppColumns = {
  id: apps.id,
  accountId: apps.accountId,
  projectId: apps.projectId,
  ownerUserId: apps.ownerUserId,
  name: apps.name,
  websiteUrl: apps.websiteUrl,
  status: apps.status,
  oauth1Enabled: apps.oauth1Enabled,
  oauth2Enabled: apps.oauth2Enabled,
  permission: apps.permission,
  requestEmail: apps.requestEmail,
  appType: apps.appType,
  signInWithX: apps.signInWithX,
  clientId: apps.clientId,
};

export type PlatformApp = Pick<App, keyof typeof platformAppColumns>;

const consumerAad = (appId: string) => `consumer:${appId}`;
const bearerAad = (appId: string) => `bearer:${appId}`;

const live = (now: number | ReturnType<typeof sql.placeholder>) => or(isNull(credentials.expiresAt), gt(credentials.expiresAt, now));

/**
 * Replaces an App's current credential of one kind. With `graceUntil`, the current one stays
 * valid until then (zero-downtime rotation); otherwise it stops at once. Older grace rows go.
 */
function supersede(tx: DbOrTx, appId: string, kind: "consumer" | "bearer" | "client_secret", graceUntil?: number) {
  tx.delete(credentials)
    .where(and(eq(credentials.appId, appId), eq(credentials.kind, kind), isNotNull(credentials.expiresAt)))
    .run();
  const current = and(eq(credentials.appId, appId), eq(credentials.kind, kind), isNull(credentials.expiresAt));
  if (graceUntil) tx.update(credentials).set({ expiresAt: graceUntil }).where(current).run();
  else tx.delete(credentials).where(current).run();
}

/** New API Key and Secret (secret AES-256-GCM encrypted: HMAC-SHA1 needs it). Plaintext returned once. */
export function issueConsumerKey(tx: DbOrTx, appId: string, opts: { graceUntil?: number } = {}) {
  supersede(tx, appId, "consumer", opts.graceUntil);
  const apiKey = generateApiKey();
  const apiKeySecret = generateApiKeySecret();
  tx.insert(credentials)
    .values({
      appId,
      kind: "consumer",
      lookup: apiKey,
      secretEnc: encrypt(apiKeySecret, consumerAad(appId)),
      hint: apiKeyHint(apiKey),
      secretHint: secretHint(apiKeySecret),
    })
    .run();
  return { apiKey, apiKeySecret };
}

/** New app-only bearer token (keyed hash for lookup, encrypted copy to hand out again). */
export function issueBearerToken(tx: DbOrTx, appId: string): string {
  supersede(tx, appId, "bearer");
  const token = generateBearerToken();
  tx.insert(credentials)
    .values({ appId, kind: "bearer", lookup: keyedHash(token), secretEnc: encrypt(token, bearerAad(appId)), hint: secretHint(token) })
    .run();
  return token;
}

export function revokeBearerToken(tx: DbOrTx, appId: string): boolean {
  return tx.delete(credentials).where(and(eq(credentials.appId, appId), eq(credentials.kind, "bearer"))).run().changes > 0;
}

/** New OAuth 2.0 Client Secret (keyed hash only). */
export function issueClientSecret(tx: DbOrTx, appId: string, opts: { graceUntil?: number } = {}): string {
  supersede(tx, appId, "client_secret", opts.graceUntil);
  const secret = generateClientSecret();
  tx.insert(credentials).values({ appId, kind: "client_secret", lookup: keyedHash(secret), hint: secretHint(secret) }).run();
  return secret;
}

export function deleteClientSecrets(tx: DbOrTx, appId: string): void {
  tx.delete(credentials).where(and(eq(credentials.appId, appId), eq(credentials.kind, "client_secret"))).run();
}

/** When the superseded credential of a kind stops working, while it still does; else null. */
export function graceEndsAt(tx: DbOrTx, appId: string, kind: "consumer" | "client_secret", now: number): number | null {
  const row = tx
    .select({ expiresAt: credentials.expiresAt })
    .from(credentials)
    .where(and(eq(credentials.appId, appId), eq(credentials.kind, kind), isNotNull(credentials.expiresAt), gt(credentials.expiresAt, now)))
    .get();
  return row?.expiresAt ?? null;
}

/** Ends a rotation grace period early: only the current credential of that kind stays. */
export function endGracePeriod(tx: DbOrTx, appId: string, kind: "consumer" | "client_secret"): boolean {
  return (
    tx
      .delete(credentials)
      .where(and(eq(credentials.appId, appId), eq(credentials.kind, kind), isNotNull(credentials.expiresAt)))
      .run().changes > 0
  );
}

const consumers = new AuthCacheRegion<{ app: PlatformApp; secret: string; expiresAt: number | null }>("consumer keys", 20_000);

/** The App and decrypted consumer secret for an API Key (current, or within its grace period). */
export function findConsumer(db: DbOrTx, apiKey: string, now = Date.now()): { app: PlatformApp; secret: string } | null {
  const cache = consumers.in(db);
  const hit = cache?.get(apiKey);
  if (hit && (hit.expiresAt === null || hit.expiresAt > now)) return hit;
  const query = preparedFor(db, "credentials.consumer", () =>
    db
      .select({ app: platformAppColumns, secretEnc: credentials.secretEnc, expiresAt: credentials.expiresAt })
      .from(credentials)
      .innerJoin(apps, eq(apps.id, credentials.appId))
      .where(and(eq(credentials.kind, "consumer"), eq(credentials.lookup, sql.placeholder("apiKey")), live(sql.placeholder("now"))))
      .prepare(),
  );
  const row = query.get({ apiKey, now });
  if (!row?.secretEnc) return null;
  const found = { app: row.app, secret: decrypt(row.secretEnc, consumerAad(row.app.id)), expiresAt: row.expiresAt };
  return cache ? consumers.remember(cache, apiKey, found) : found;
}

/** The App whose app-only bearer token this is, or null. */
export function findAppByBearer(db: DbOrTx, token: string): App | null {
  const row = db
    .select({ app: apps })
    .from(credentials)
    .innerJoin(apps, eq(apps.id, credentials.appId))
    .where(and(eq(credentials.kind, "bearer"), eq(credentials.lookup, keyedHash(token))))
    .get();
  return row?.app ?? null;
}

const currentBearers = new AuthCacheRegion<string>("current bearer tokens", 20_000);

/** The App's current bearer token in plaintext (client_credentials hands the same one out again). */
export function currentBearerToken(db: DbOrTx, appId: string): string | null {
  const cache = currentBearers.in(db);
  const hit = cache?.get(appId);
  if (hit !== undefined) return hit;
  const query = preparedFor(db, "credentials.currentBearer", () =>
    db
      .select({ secretEnc: credentials.secretEnc })
      .from(credentials)
      .where(and(eq(credentials.appId, sql.placeholder("appId")), eq(credentials.kind, "bearer")))
      .prepare(),
  );
  const row = query.get({ appId });
  if (!row?.secretEnc) return null;
  const token = decrypt(row.secretEnc, bearerAad(appId));
  return cache ? currentBearers.remember(cache, appId, token) : token;
}

/** The App's registered callback URLs (OAuth 1.0a request_token checks oauth_callback against them). */
export function callbackUrlsOf(db: DbOrTx, appId: string): string[] {
  return db.select({ callbackUrls: apps.callbackUrls }).from(apps).where(eq(apps.id, appId)).get()?.callbackUrls ?? [];
}

const clients = new AuthCacheRegion<PlatformApp>("OAuth 2.0 clients", 20_000);

/** The App with this OAuth 2.0 Client ID as the token endpoints see it (the consent page reads the whole row). */
export function findClient(db: DbOrTx, clientId: string): PlatformApp | null {
  const cache = clients.in(db);
  const hit = cache?.get(clientId);
  if (hit) return hit;
  const query = preparedFor(db, "apps.clientByClientId", () =>
    db.select(platformAppColumns).from(apps).where(eq(apps.clientId, sql.placeholder("clientId"))).prepare(),
  );
  const app = query.get({ clientId });
  if (!app) return null;
  return cache ? clients.remember(cache, clientId, app) : app;
}

export function findAppByClientId(db: DbOrTx, clientId: string): App | null {
  const query = preparedFor(db, "apps.byClientId", () => db.select().from(apps).where(eq(apps.clientId, sql.placeholder("clientId"))).prepare());
  return query.get({ clientId }) ?? null;
}

/** Secrets that verified, per App: their digest (never the secret) and when their credential ends. */
const clientSecrets = new AuthCacheRegion<Array<{ digest: string; expiresAt: number | null }>>("client secrets", 20_000);

/**
 * Constant-time check of a Client Secret against the App's current (and grace-period) secrets.
 * A secret that verified is remembered by its digest with its credential's end (./auth-cache.ts);
 * one that matches nothing remembered is always checked against the database again (it may have
 * been issued since).
 */
export function verifyClientSecret(db: DbOrTx, appId: string, secret: string, now = Date.now()): boolean {
  const cache = clientSecrets.in(db);
  const known = cache?.get(appId);
  const digest = known || cache ? secretDigest(secret) : "";
  if (known) {
    let ok = false;
    for (const k of known) ok = (safeEqual(k.digest, digest) && (k.expiresAt === null || k.expiresAt > now)) || ok;
    if (ok) return true;
  }
  const hash = keyedHash(secret);
  const query = preparedFor(db, "credentials.clientSecrets", () =>
    db
      .select({ lookup: credentials.lookup, expiresAt: credentials.expiresAt })
      .from(credentials)
      .where(and(eq(credentials.appId, sql.placeholder("appId")), eq(credentials.kind, "client_secret"), live(sql.placeholder("now"))))
      .prepare(),
  );
  let match: { expiresAt: number | null } | null = null;
  for (const r of query.all({ appId, now })) if (safeEqual(r.lookup, hash)) match = r;
  if (match && cache) clientSecrets.remember(cache, appId, [...(known ?? []), { digest, expiresAt: match.expiresAt }]);
  return match !== null;
}

export interface CredentialHint {
  kind: "consumer" | "bearer" | "client_secret";
  hint: string;
  secretHint: string;
  createdAt: number;
  expiresAt: number | null;
}

/** Hints (never values) of an App's credentials, current first, for the Keys and tokens page. */
export function listCredentialHints(db: DbOrTx, appId: string, now = Date.now()): CredentialHint[] {
  return db
    .select({
      kind: credentials.kind,
      hint: credentials.hint,
      secretHint: credentials.secretHint,
      createdAt: credentials.createdAt,
      expiresAt: credentials.expiresAt,
    })
    .from(credentials)
    .where(and(eq(credentials.appId, appId), live(now)))
    .all()
    .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity))
    .reverse();
}

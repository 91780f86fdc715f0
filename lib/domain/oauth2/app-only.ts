import type { DbOrTx } from "@/db/types";
import { currentBearerToken, findConsumer, issueBearerToken, revokeBearerToken, type PlatformApp } from "@/lib/domain/app-credentials";
import { safeEqual } from "@/lib/credentials";
import type { BasicAuth } from "@/lib/oauth2/basic-auth";
import { resolveBearer } from "./resolve";

/** The App behind `Authorization: Basic base64(urlencode(api_key):urlencode(api_key_secret))`, if active. */
export function authenticateConsumer(db: DbOrTx, basic: BasicAuth, now = Date.now()): PlatformApp | null {
  if (basic.kind !== "basic") return null;
  const consumer = findConsumer(db, basic.id, now);
  if (!consumer || !safeEqual(consumer.secret, basic.secret)) return null;
  return consumer.app.status === "active" ? consumer.app : null;
}

/**
 * client_credentials: the App's one bearer token, the same on every call until invalidated. The
 * usual case (a token exists) is one read; only issuing takes the write transaction, which
 * looks again so that concurrent first calls still agree on one token.
 */
export function obtainBearerToken(db: DbOrTx, app: PlatformApp): string {
  return currentBearerToken(db, app.id) ?? db.transaction((tx) => currentBearerToken(tx, app.id) ?? issueBearerToken(tx, app.id));
}

/** Invalidates the App's bearer token when `token` is it (as handed out, or percent-decoded). */
export function invalidateBearerToken(db: DbOrTx, app: PlatformApp, token: string): boolean {
  const resolved = resolveBearer(db, token);
  if (!resolved || resolved.app.id !== app.id) return false;
  return revokeBearerToken(db, app.id);
}

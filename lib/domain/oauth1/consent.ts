import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apps, oauth1RequestTokens, type Permission } from "@/db/schema";
import { generatePin, generateVerifier, keyedHash } from "@/lib/credentials";
import { DomainError } from "@/lib/domain/errors";
import { lowerLevel } from "@/lib/oauth1";
import { hasOAuth1Authorization } from "./authorizations";
import { findRequestToken, isPending, pendingWhere, type RequestTokenRow } from "./request-tokens";

/** X's page for a used, denied, unknown or stale request token. */
export const INVALID_REQUEST_TOKEN_MESSAGE =
  "Whoa there! The request token for this page is invalid. It may have already been used, or expired because it is too old. " +
  "Please go back to the site or application that sent you here and try again; it was probably just a mistake.";

export interface ConsentApp {
  id: string;
  name: string;
  description: string;
  websiteUrl: string;
  organizationName: string;
  organizationUrl: string;
  termsUrl: string;
  privacyUrl: string;
  iconVersion: number;
  requestEmail: boolean;
  signInWithX: boolean;
  suspended: boolean;
}

export interface ConsentRequest {
  app: ConsentApp;
  /** What the token will allow: the requested level, never above the App's current permission. */
  accessLevel: Permission;
  oob: boolean;
}

export type ConsentOutcome =
  | { kind: "redirect"; url: string }
  | { kind: "pin"; pin: string; appName: string }
  | { kind: "denied"; appName: string };

function pending(db: Db, rawToken: string, now: number): { row: RequestTokenRow; app: typeof apps.$inferSelect } | null {
  const row = findRequestToken(db, rawToken);
  if (!row || !isPending(row, now)) return null;
  const app = db.select().from(apps).where(eq(apps.id, row.appId)).get();
  return app ? { row, app } : null;
}

/** The consent screen's data for a pending request token, or null (→ the "request token invalid" page). */
export function loadConsentRequest(db: Db, rawToken: string, now = Date.now()): ConsentRequest | null {
  const found = pending(db, rawToken, now);
  if (!found) return null;
  const { row, app } = found;
  return {
    app: {
      id: app.id,
      name: app.name,
      description: app.description,
      websiteUrl: app.websiteUrl,
      organizationName: app.organizationName,
      organizationUrl: app.organizationUrl,
      termsUrl: app.termsUrl,
      privacyUrl: app.privacyUrl,
      iconVersion: app.iconVersion,
      requestEmail: app.requestEmail,
      signInWithX: app.signInWithX,
      suspended: app.status === "suspended",
    },
    accessLevel: lowerLevel(row.accessLevel, app.permission),
    oob: row.callback === "oob",
  };
}

/** `callback` with `pairs` appended to whatever query it already has (the registered part is never touched). */
export function appendQuery(callback: string, pairs: Record<string, string>): string {
  const hash = callback.indexOf("#");
  // request_token refuses control characters; one stored before it did must not reach a Location header.
  const base = (hash === -1 ? callback : callback.slice(0, hash)).replace(/[\u0000-\u001f\u007f]/g, encodeURIComponent);
  const query = Object.entries(pairs).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  const sep = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${sep}${query}`;
}

const invalid = () => new DomainError("invalid", INVALID_REQUEST_TOKEN_MESSAGE);

/**
 * The user authorizes the App: binds the request token to the user with a single-use verifier
 * (a 7-digit PIN for `oob`) and says where to send the browser. Throws DomainError when the
 * token is no longer pending or the App is suspended.
 */
export function approveRequestToken(db: Db, input: { rawToken: string; userId: string }, now = Date.now()): ConsentOutcome {
  const found = pending(db, input.rawToken, now);
  if (!found) throw invalid();
  const { row, app } = found;
  if (app.status === "suspended") throw new DomainError("forbidden", "This App is suspended and cannot be authorized.");
  const oob = row.callback === "oob";
  const verifier = oob ? generatePin() : generateVerifier();
  const updated = db
    .update(oauth1RequestTokens)
    .set({ userId: input.userId, verifierHash: keyedHash(verifier) })
    .where(pendingWhere(row.id, now))
    .run();
  if (updated.changes !== 1) throw invalid();
  if (oob) return { kind: "pin", pin: verifier, appName: app.name };
  return { kind: "redirect", url: appendQuery(row.callback, { oauth_token: input.rawToken, oauth_verifier: verifier }) };
}

/** The user cancels: the request token is spent and the App learns it through `callback?denied=<token>`. */
export function denyRequestToken(db: Db, input: { rawToken: string }, now = Date.now()): ConsentOutcome {
  const found = pending(db, input.rawToken, now);
  if (!found) throw invalid();
  const { row, app } = found;
  const updated = db.update(oauth1RequestTokens).set({ usedAt: now }).where(pendingWhere(row.id, now)).run();
  if (updated.changes !== 1) throw invalid();
  if (row.callback === "oob") return { kind: "denied", appName: app.name };
  return { kind: "redirect", url: appendQuery(row.callback, { denied: input.rawToken }) };
}

/**
 * Sign in with X (GET /oauth/authenticate): when the App allows it and the user already
 * authorized it at this level or above, approve at once without a consent screen.
 */
export function trySignInWithX(db: Db, input: { rawToken: string; userId: string }, now = Date.now()): ConsentOutcome | null {
  const found = pending(db, input.rawToken, now);
  if (!found || !found.app.signInWithX || found.app.status === "suspended") return null;
  const level = lowerLevel(found.row.accessLevel, found.app.permission);
  if (!hasOAuth1Authorization(db, found.app.id, input.userId, level)) return null;
  return approveRequestToken(db, input, now);
}

import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { CALLBACK, SEED_PASSWORD, type Identity, type PortalFixture } from "./portal-fixture";

/**
 * The authorization matrix of the server actions: for each exported action (by name), what each
 * caller gets and a valid payload against lib/security/portal-fixture.ts. Used by
 * authz-matrix.test.ts (callers) and action-hostile-input.test.ts (generated payloads).
 */

/** Outcome classes a caller can see. */
export type Outcome = "ok" | "signin" | "not_found" | "forbidden" | `error:${string}`;

export type Expect = Record<Identity, Outcome>;
export type Action = (prev: null, input: Record<string, unknown>) => Promise<{ ok: boolean; message?: string }>;

export const SIGNIN = "Your session has ended. Sign in again.";

/** Classifies an action's answer by what the user would read. */
export function classify(result: { ok: boolean; message?: string }): Outcome {
  if (result.ok) return "ok";
  const m = result.message ?? "";
  if (m === SIGNIN) return "signin";
  if (/not found|not connected/i.test(m)) return "not_found";
  if (/must be an admin|only the app's owner or a team admin/i.test(m)) return "forbidden";
  return `error:${m}`;
}

const row = (signedOut: Outcome, stranger: Outcome, developer: Outcome, admin: Outcome, owner: Outcome, operator: Outcome): Expect => ({
  signedOut,
  stranger,
  developer,
  admin,
  owner,
  operator,
});

/** Manage an App (keys, settings, details, icon): the owner or a team admin. */
const MANAGE = row("signin", "not_found", "forbidden", "ok", "ok", "not_found");
/** Administer the team's Apps and Projects (create, delete, move): team admins only. */
const TEAM_ADMIN = row("signin", "not_found", "forbidden", "ok", "forbidden", "not_found");
const OPERATOR = row("signin", "not_found", "not_found", "not_found", "not_found", "ok");
/** Self-service: every signed-in user, for their own account. */
const SELF = row("signin", "ok", "ok", "ok", "ok", "ok");
const everySignedIn = (o: Outcome) => row("signin", o, o, o, o, o);
const MEMBER = row("signin", "not_found", "ok", "ok", "ok", "not_found");

export interface MatrixRow {
  expect: Expect;
  input: (f: PortalFixture) => Record<string, unknown>;
  /** Checked after an allowed call: what it did, beyond being allowed. */
  verify?: (db: Db, f: PortalFixture, who: Identity, result: { ok: boolean; data?: unknown }) => void;
}

/**
 * Issue 15: a team admin's Generate on a team App's owner Access Token gave a token for the App
 * creator's personal account (their DMs, Tweets as them). The token must act for the team's own
 * account, whoever presses Generate, and for nobody's personal account.
 */
function actsForTeamAccount(db: Db, f: PortalFixture, who: Identity, result: { data?: unknown }): void {
  const token = (result.data as { accessToken: string }).accessToken;
  const row = db.$client.prepare("select user_id from oauth1_tokens where token = ?").get(token) as { user_id: string };
  const team = db.$client.prepare("select identity_user_id from developer_accounts where id = ?").get(f.teamId) as { identity_user_id: string };
  expect(team.identity_user_id, "the team has an account of its own").toBeTruthy();
  expect(row.user_id, `${who}'s Generate acts for the team's account`).toBe(team.identity_user_id);
  expect(Object.values(f.people).map((p) => p.user.id)).not.toContain(row.user_id);
}

const APP_DETAILS = (f: PortalFixture) => ({
  appId: f.appId,
  version: f.versions.appDetails,
  name: "Matrix app renamed",
  description: "",
  websiteUrl: "https://good.example.com/",
  callbackUrls: [{ url: CALLBACK }],
  termsUrl: "",
  privacyUrl: "",
  organizationName: "",
  organizationUrl: "",
  useCase: "",
});

const AUTH_SETTINGS = (f: PortalFixture) => ({
  appId: f.appId,
  version: f.versions.authSettings,
  oauth1Enabled: true,
  oauth2Enabled: true,
  permission: "read",
  requestEmail: false,
  appType: "web",
  callbackUrls: [{ url: CALLBACK }],
  websiteUrl: "https://good.example.com/",
  termsUrl: "",
  privacyUrl: "",
  signInWithX: false,
});

/** One row per exported server action, keyed by its exported name. */
export const ACTIONS: Record<string, MatrixRow> = {
  // app/(auth)/signup: public, by design (anyone may create an account).
  signUpAction: {
    expect: row("ok", "ok", "ok", "ok", "ok", "ok"),
    input: () => ({ username: "mxnewuser", name: "New", email: "mxnewuser@example.com", password: SEED_PASSWORD }),
  },
  // apps/[appId]/auth-settings
  updateAuthSettingsAction: { expect: MANAGE, input: AUTH_SETTINGS },
  // apps/[appId]/keys
  regenerateApiKeyAction: { expect: MANAGE, input: (f) => ({ appId: f.appId, grace: "none" }) },
  regenerateBearerTokenAction: { expect: MANAGE, input: (f) => ({ appId: f.appId }) },
  revokeBearerTokenAction: { expect: MANAGE, input: (f) => ({ appId: f.appId }) },
  generateAccessTokenAction: { expect: MANAGE, input: (f) => ({ appId: f.appId }), verify: actsForTeamAccount },
  revokeAccessTokenAction: { expect: MANAGE, input: (f) => ({ appId: f.appId }) },
  regenerateClientSecretAction: { expect: MANAGE, input: (f) => ({ appId: f.appId, grace: "1h" }) },
  endGracePeriodAction: { expect: MANAGE, input: (f) => ({ appId: f.appId, kind: "consumer" }) },
  // apps
  createAppAction: { expect: TEAM_ADMIN, input: (f) => ({ accountId: f.teamId, name: "Matrix new app", environment: "staging" }) },
  updateAppDetailsAction: { expect: MANAGE, input: APP_DETAILS },
  uploadIconAction: { expect: MANAGE, input: (f) => ({ appId: f.appId, icon: new Blob([new Uint8Array(f.iconPng)]) }) },
  deleteAppAction: { expect: TEAM_ADMIN, input: (f) => ({ appId: f.appId, confirmName: f.appName }) },
  // projects
  createProjectAction: { expect: TEAM_ADMIN, input: (f) => ({ accountId: f.teamId, name: "Second", description: "More", useCase: "making-a-bot" }) },
  updateProjectAction: { expect: TEAM_ADMIN, input: (f) => ({ projectId: f.projectId, version: f.versions.project, name: "Renamed", description: "More", useCase: "making-a-bot" }) },
  deleteProjectAction: { expect: TEAM_ADMIN, input: (f) => ({ projectId: f.projectId }) },
  attachAppAction: { expect: TEAM_ADMIN, input: (f) => ({ appId: f.standaloneAppId, projectId: f.projectId }) },
  detachAppAction: { expect: TEAM_ADMIN, input: (f) => ({ appId: f.appId }) },
  // admin (operator console): everyone else is told it does not exist.
  setTierAction: { expect: OPERATOR, input: (f) => ({ accountId: f.teamId, tier: "elevated" }) },
  suspendAppAction: { expect: OPERATOR, input: (f) => ({ appId: f.appId, reason: "Matrix suspension reason" }) },
  reinstateAppAction: { expect: OPERATOR, input: (f) => ({ appId: f.appId }) },
  // developer/signup: each user already has developer access (self-scoped, so a conflict for all).
  signUpForDeveloperAccessAction: {
    expect: everySignedIn("error:You already have developer access"),
    input: () => ({ useCase: "x".repeat(120), acceptAgreement: true }),
  },
  // settings/account: self-scoped.
  changePasswordAction: {
    expect: SELF,
    input: () => ({ currentPassword: SEED_PASSWORD, newPassword: "a brand new password", confirmPassword: "a brand new password" }),
  },
  changeEmailAction: { expect: SELF, input: () => ({ email: "mxchanged@example.com", currentPassword: SEED_PASSWORD }) },
  setManagingAccountAction: { expect: SELF, input: (f) => ({ managerUsername: f.outsider.user.username, managerPassword: SEED_PASSWORD }) },
  removeManagingAccountAction: {
    expect: everySignedIn("error:This account has no automated-account label"),
    input: () => ({ managerPassword: SEED_PASSWORD }),
  },
  // settings/connected-apps: each user revokes their own authorization of the App.
  revokeConnectedAppAction: { expect: SELF, input: (f) => ({ appId: f.appId }) },
  // teams
  createTeamAction: { expect: SELF, input: () => ({ name: "A new team" }) },
  inviteMemberAction: { expect: TEAM_ADMIN, input: (f) => ({ accountId: f.teamId, username: f.outsider.user.username, role: "developer" }) },
  acceptInvitationAction: { expect: row("signin", "not_found", "not_found", "not_found", "ok", "not_found"), input: (f) => ({ invitationId: String(f.invitationId) }) },
  declineInvitationAction: { expect: row("signin", "not_found", "not_found", "not_found", "ok", "not_found"), input: (f) => ({ invitationId: String(f.invitationId) }) },
  resendInvitationAction: { expect: TEAM_ADMIN, input: (f) => ({ accountId: f.teamId, invitationId: String(f.teamInvitationId) }) },
  cancelInvitationAction: { expect: TEAM_ADMIN, input: (f) => ({ accountId: f.teamId, invitationId: String(f.teamInvitationId) }) },
  changeRoleAction: { expect: TEAM_ADMIN, input: (f) => ({ accountId: f.teamId, userId: f.people.developer.user.id, role: "admin" }) },
  // Removing the developer member: admins may, and the developer may leave on their own.
  // The team's own account's Connected apps (the owner token of the team App): its admins only.
  revokeTeamConnectedAppAction: { expect: TEAM_ADMIN, input: (f) => ({ accountId: f.teamId, appId: f.appId }) },
  removeMemberAction: { expect: row("signin", "not_found", "ok", "ok", "forbidden", "not_found"), input: (f) => ({ accountId: f.teamId, userId: f.people.developer.user.id }) },
  // app/actions/account.ts: the header switcher, members of the account only.
  switchAccountAction: { expect: MEMBER, input: (f) => ({ accountId: f.teamId }) },
  // app/oauth: the OAuth 1.0a consent decision, for the signed-in user's own account.
  decideConsent: { expect: SELF, input: (f) => ({ oauth_token: f.requestToken, decision: "allow" }) },
};



const APP_ROOT = path.resolve(__dirname, "../../app");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every exported function of every "use server" module under app/, by name (the public endpoints a test must cover). */
export async function discoverServerActions(): Promise<Map<string, Action>> {
  const actions = new Map<string, Action>();
  for (const file of sourceFiles(APP_ROOT)) {
    if (!/^["']use server["']/.test(fs.readFileSync(file, "utf8").trimStart())) continue;
    for (const [name, value] of Object.entries((await import(file)) as Record<string, unknown>)) {
      if (typeof value === "function") actions.set(name, value as Action);
    }
  }
  return actions;
}

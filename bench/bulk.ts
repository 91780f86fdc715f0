import { randomInt } from "node:crypto";
import type { Db } from "@/db/client";
import { apiKeyHint, encrypt, generateApiKey, generateApiKeySecret, generateBearerToken, generateClientId, generateOAuth2Token, keyedHash, secretHint } from "@/lib/credentials";
import { hashPassword } from "@/lib/credentials/password";
import { ACCESS_TOKEN_TTL_S } from "@/lib/domain/oauth2/tokens";
import { snowflake } from "@/lib/domain/ids";
import { SCOPE, SEED_PASSWORD } from "./config";

const BATCH = 10_000;
const APPS_PER_ACCOUNT = 10; // Essential allows 10 Apps in all (standalone here)

export interface BulkStats {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  totals: { apps: number; users: number; oauth2Tokens: number };
}

const count = (db: Db, table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/**
 * Fills the database up to the scale targets with rows shaped exactly as lib/domain writes them
 * (users with a real scrypt hash, personal developer accounts with their membership, standalone
 * Apps with consumer and bearer credentials and the app.create audit entry, OAuth 2.0 grants with
 * their Connected-apps row and one access + one refresh token each, stored as keyed hashes).
 * Direct prepared inserts in transactions of 10,000 rows.
 */
export async function bulkSeed(db: Db, target: { apps: number; users: number; tokens: number }): Promise<BulkStats> {
  const started = performance.now();
  const sqlite = db.$client;
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const now = Date.now();
  let rows = 0;

  const insUser = sqlite.prepare(
    "insert into users (id, username, username_lower, name, email, email_lower, password_hash, is_operator, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?)",
  );
  const insAccount = sqlite.prepare(
    "insert into developer_accounts (id, kind, name, tier, use_case, personal_user_id, agreed_at, created_at) values (?, 'personal', ?, 'essential', ?, ?, ?, ?)",
  );
  const insMember = sqlite.prepare("insert into memberships (account_id, user_id, role, created_at) values (?, ?, 'admin', ?)");
  const insApp = sqlite.prepare(
    "insert into apps (id, account_id, project_id, owner_user_id, name, name_lower, environment, client_id, created_at, updated_at) values (?, ?, null, ?, ?, ?, 'development', ?, ?, ?)",
  );
  const insCred = sqlite.prepare("insert into credentials (app_id, kind, lookup, secret_enc, hint, secret_hint, created_at) values (?, ?, ?, ?, ?, ?, ?)");
  const insAudit = sqlite.prepare("insert into audit_log (account_id, project_id, app_id, actor_user_id, action, details, created_at) values (?, null, ?, ?, 'app.create', ?, ?)");
  const insGrant = sqlite.prepare("insert into oauth2_grants (app_id, user_id, scope, created_at) values (?, ?, ?, ?)");
  const insAuthz = sqlite.prepare("insert into authorizations (app_id, user_id, oauth2_scope, created_at, updated_at) values (?, ?, ?, ?, ?)");
  const insToken = sqlite.prepare("insert into oauth2_tokens (grant_id, kind, token_hash, expires_at, created_at) values (?, ?, ?, ?, ?)");

  const inBatches = (n: number, fn: (i: number) => void) => {
    for (let start = 0; start < n; start += BATCH) {
      sqlite.transaction(() => {
        for (let i = start; i < Math.min(n, start + BATCH); i++) fn(i);
      })();
    }
  };

  // Users: the first ones also get a personal developer account that owns 10 standalone Apps.
  const newUsers = Math.max(0, target.users - count(db, "users"));
  const newApps = Math.max(0, target.apps - count(db, "apps"));
  const accounts = Math.ceil(newApps / APPS_PER_ACCOUNT);
  const userIds: string[] = [];
  const owners: Array<{ userId: string; accountId: string }> = [];
  inBatches(newUsers, (i) => {
    const id = snowflake(now - (newUsers - i) * 1000);
    const username = `bulk${i}`;
    insUser.run(id, username, username, `Bulk user ${i}`, `${username}@bulk.example`, `${username}@bulk.example`, passwordHash, now);
    userIds.push(id);
    rows++;
    if (i < accounts) {
      const accountId = snowflake(now - (newUsers - i) * 1000 + 500);
      insAccount.run(accountId, `@${username}`, "Bulk-seeded developer account for the scale benchmark of the platform.", id, now, now);
      insMember.run(accountId, id, now);
      owners.push({ userId: id, accountId });
      rows += 2;
    }
  });

  const appIds: string[] = [];
  const taken = new Set<string>((sqlite.prepare("select id from apps").all() as Array<{ id: string }>).map((r) => r.id));
  inBatches(newApps, (i) => {
    const owner = owners[Math.floor(i / APPS_PER_ACCOUNT)]!;
    let id = String(randomInt(10_000_000, 999_999_999));
    while (taken.has(id)) id = String(randomInt(10_000_000, 999_999_999));
    taken.add(id);
    const created = now - (newApps - i) * 1000;
    const name = `bulk-app-${i}`;
    insApp.run(id, owner.accountId, owner.userId, name, name, generateClientId(), created, created);
    const apiKey = generateApiKey();
    const apiKeySecret = generateApiKeySecret();
    insCred.run(id, "consumer", apiKey, encrypt(apiKeySecret, `consumer:${id}`), apiKeyHint(apiKey), secretHint(apiKeySecret), created);
    const bearer = generateBearerToken();
    insCred.run(id, "bearer", keyedHash(bearer), encrypt(bearer, `bearer:${id}`), secretHint(bearer), "", created);
    insAudit.run(owner.accountId, id, owner.userId, JSON.stringify({ name, environment: "development", projectId: null }), created);
    appIds.push(id);
    rows += 4;
  });

  // Grants: distinct (App, user) pairs, each with an access token (live) and a refresh token.
  const grants = Math.ceil(Math.max(0, target.tokens - count(db, "oauth2_tokens")) / 2);
  const expires = now + ACCESS_TOKEN_TTL_S * 1000;
  inBatches(grants, (i) => {
    const appId = appIds[i % appIds.length]!;
    const userId = userIds[Math.floor(i / appIds.length) * 7919 % userIds.length]!; // distinct per App
    const grantId = Number(insGrant.run(appId, userId, SCOPE, now).lastInsertRowid);
    insAuthz.run(appId, userId, SCOPE, now, now);
    insToken.run(grantId, "access", keyedHash(generateOAuth2Token("at", now)), expires, now);
    insToken.run(grantId, "refresh", keyedHash(generateOAuth2Token("rt", now)), null, now);
    rows += 4;
  });

  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const seconds = (performance.now() - started) / 1000;
  return {
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    totals: { apps: count(db, "apps"), users: count(db, "users"), oauth2Tokens: count(db, "oauth2_tokens") },
  };
}

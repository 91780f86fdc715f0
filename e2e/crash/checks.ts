import Database from "better-sqlite3";

export interface Consistency {
  integrity: string;
  foreignKeyViolations: number;
  /** Apps without exactly one current API Key (a half-created App, or a half-done regenerate). */
  appsWithoutOneApiKey: string[];
  /** Apps without their `app.create` audit entry (written in the same transaction as the App). */
  appsWithoutCreateAudit: string[];
  /** Credential rows whose App is gone. */
  orphanCredentials: number;
  /** OAuth 2.0 tokens whose grant is gone. */
  orphanOAuth2Tokens: number;
  apps: number;
  credentials: number;
}

/**
 * Opens the database file (WAL and all, as a restarted server would) and checks it: SQLite's own
 * integrity check, foreign keys, and the invariants a transaction must keep (nothing half-written).
 */
export function checkDatabase(file: string): Consistency {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: (db.pragma("integrity_check") as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join("; "),
      foreignKeyViolations: (db.pragma("foreign_key_check") as unknown[]).length,
      appsWithoutOneApiKey: all<{ id: string }>(
        `SELECT a.id FROM apps a WHERE (SELECT count(*) FROM credentials c
           WHERE c.app_id = a.id AND c.kind = 'consumer' AND c.expires_at IS NULL) <> 1`,
      ).map((r) => r.id),
      appsWithoutCreateAudit: all<{ id: string }>(
        `SELECT a.id FROM apps a WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.app_id = a.id AND l.action = 'app.create')`,
      ).map((r) => r.id),
      orphanCredentials: count(`SELECT count(*) AS n FROM credentials c WHERE NOT EXISTS (SELECT 1 FROM apps a WHERE a.id = c.app_id)`),
      orphanOAuth2Tokens: count(`SELECT count(*) AS n FROM oauth2_tokens t WHERE NOT EXISTS (SELECT 1 FROM oauth2_grants g WHERE g.id = t.grant_id)`),
      apps: count(`SELECT count(*) AS n FROM apps`),
      credentials: count(`SELECT count(*) AS n FROM credentials`),
    };
  } finally {
    db.close();
  }
}

/** The problems in a consistency report, as lines; empty when the database is sound. */
export function problems(c: Consistency): string[] {
  const out: string[] = [];
  if (c.integrity !== "ok") out.push(`integrity_check: ${c.integrity}`);
  if (c.foreignKeyViolations) out.push(`${c.foreignKeyViolations} foreign key violations`);
  if (c.appsWithoutOneApiKey.length) out.push(`Apps without exactly one API Key: ${c.appsWithoutOneApiKey.join(", ")}`);
  if (c.appsWithoutCreateAudit.length) out.push(`Apps without their creation audit entry: ${c.appsWithoutCreateAudit.join(", ")}`);
  if (c.orphanCredentials) out.push(`${c.orphanCredentials} credentials without an App`);
  if (c.orphanOAuth2Tokens) out.push(`${c.orphanOAuth2Tokens} OAuth 2.0 tokens without a grant`);
  return out;
}

/** Runs one SQL query on the file and returns its rows (a short-lived connection, like a second process). */
export function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Marks of SQLite lock trouble in a response body or a log. */
export const BUSY = /SQLITE_BUSY|database is locked|SQLITE_LOCKED/i;

/** Checkpoints the WAL into the database file and empties it (another process, like an operator freeing space). */
export function checkpoint(file: string): void {
  const db = new Database(file);
  try {
    db.pragma("busy_timeout = 5000");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    db.close();
  }
}

import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { auditLog, users } from "@/db/schema";



export interface AuditEntry {
  accountId: string;
  projectId?: string | null;
  appId?: string | null;
  actorUserId: string | null;
  action: string;
  /** What changed — names and non-secret values only, never a secret or token. */
  details?: Record<string, unknown>;
}

/** Records one change; call inside the transaction that makes the change. */
export function recordAudit(tx: DbOrTx, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      accountId: entry.accountId,
      projectId: entry.projectId ?? null,
      appId: entry.appId ?? null,
      actorUserId: entry.actorUserId,
      action: entry.action,
      details: entry.details ?? {},
    })
    .run();
}

const auditColumns = {
  id: auditLog.id,
  action: auditLog.action,
  actor: users.username,
  createdAt: auditLog.createdAt,
  details: auditLog.details,
};

/** The App's audit trail, newest first (the caller has already checked access to the App). */
export function listAppAudit(db: Db, appId: string, limit = 50) {
  return db.select(auditColumns).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(eq(auditLog.appId, appId)).orderBy(desc(auditLog.id)).limit(limit).all();
}

/** The Project's audit trail, newest first (the caller has already checked access to the Project). */
export function listProjectAudit(db: Db, projectId: string, limit = 50) {
  return db.select(auditColumns).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(eq(auditLog.projectId, projectId)).orderBy(desc(auditLog.id)).limit(limit).all();
}

import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { kickDelivery } from "@/lib/mail/deliver";

export interface Email {
  toUserId: string | null;
  toEmail: string;
  subject: string;
  body: string;
}

/**
 * Queues an e-mail in the outbox (inside the caller's transaction). Delivery follows by itself
 * when SMTP is configured: a pass is scheduled for just after the transaction has committed (a
 * rolled-back e-mail is simply not found). Callers never trigger delivery themselves.
 */
export function queueEmail(tx: DbOrTx, email: Email): void {
  tx.insert(outbox).values(email).run();
  kickDelivery(getDb());
}

export function listOutbox(db: Db, limit = 100) {
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
}

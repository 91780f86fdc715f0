import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { outbox } from "@/db/schema";

export interface Email {
  toUserId: string | null;
  toEmail: string;
  subject: string;
  body: string;
}

/** Queues an e-mail in the outbox (inside the caller's transaction); delivery happens after commit. */
export function queueEmail(tx: DbOrTx, email: Email): void {
  tx.insert(outbox).values(email).run();
}

export function listOutbox(db: Db, limit = 100) {
  return db.select().from(outbox).orderBy(desc(outbox.id)).limit(limit).all();
}

import { randomBytes } from "node:crypto";
import { and, eq, gt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { DomainError } from "./errors";
import type { Actor } from "./actor";
import { hashPassword } from "@/lib/credentials/password";
import type { ChangePasswordInput } from "@/lib/validation/account";
import { fieldError } from "./errors";
import { checkAccountPassword } from "./password-checks";
import { assertStrongPassword } from "./registration";

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

/** Records a signed-in browser; the returned id travels in the session JWT. */
export function createSession(db: Db, userId: string, now = Date.now()): string {
  const id = randomBytes(24).toString("base64url");
  db.insert(sessions).values({ id, userId, createdAt: now, expiresAt: now + SESSION_MAX_AGE_S * 1000 }).run();
  return id;
}

/** The actor behind a live session, or null when it was signed out, expired or ended by a password change. */
export function resolveSession(db: Db, sessionId: string, now = Date.now()): Actor | null {
  const row = db
    .select({ userId: users.id, isOperator: users.isOperator })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
    .get();
  return row ?? null;
}

export function endSession(db: Db, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Changes the password (to one not too easy to guess) and ends every other session; wrong current passwords count against the account. */
export async function changePassword(
  db: Db,
  actor: Actor,
  currentSessionId: string,
  input: ChangePasswordInput,
): Promise<{ endedSessions: number }> {
  const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) throw new DomainError("unauthorized", "Sign in again");
  assertStrongPassword("newPassword", input.newPassword, [user.username, user.name, user.email]);
  if (!(await checkAccountPassword(actor, user, input.currentPassword))) {
    throw fieldError("invalid", "currentPassword", "That is not your current password");
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    const ended = tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.id, currentSessionId)))
      .run();
    return { endedSessions: ended.changes };
  });
}

import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { AutomationInput, RemoveAutomationInput } from "@/lib/validation/team";
import type { Actor } from "./actor";
import { DomainError, fieldError } from "./errors";
import { checkAccountPassword } from "./password-checks";

const wrongPassword = () => fieldError("invalid", "managerPassword", "That is not the managing account's password");

/** The actor's automated-account label: who manages this bot account, if anyone. */
export function getAutomation(db: Db, actor: Actor): { managerUsername: string } | null {
  const row = db.select({ managerId: users.automatedByUserId }).from(users).where(eq(users.id, actor.userId)).get();
  if (!row?.managerId) return null;
  const manager = db.select({ username: users.username }).from(users).where(eq(users.id, row.managerId)).get();
  return manager ? { managerUsername: manager.username } : null;
}

/**
 * Labels the actor's account "Automated by @manager" once the managing account's password is
 * given. Wrong passwords count against the managing account (lib/domain/password-checks.ts), not
 * the caller: a fresh bot account gets no fresh guesses.
 */
export async function setManagingAccount(db: Db, actor: Actor, input: AutomationInput): Promise<{ managerUsername: string }> {
  const manager = db.select().from(users).where(eq(users.usernameLower, input.managerUsername.replace(/^@/, "").toLowerCase())).get();
  if (!manager) throw fieldError("invalid", "managerUsername", `No account is called @${input.managerUsername.replace(/^@/, "")}`);
  if (manager.id === actor.userId) throw fieldError("invalid", "managerUsername", "An account cannot manage itself. Choose the account that runs this bot.");
  if (!(await checkAccountPassword(actor, manager, input.managerPassword))) throw wrongPassword();
  db.update(users).set({ automatedByUserId: manager.id }).where(eq(users.id, actor.userId)).run();
  return { managerUsername: manager.username };
}

/** Removes the label; needs the current managing account's password, like setting it. */
export async function removeManagingAccount(db: Db, actor: Actor, input: RemoveAutomationInput): Promise<void> {
  const me = db.select({ managerId: users.automatedByUserId }).from(users).where(eq(users.id, actor.userId)).get();
  const manager = me?.managerId ? db.select().from(users).where(eq(users.id, me.managerId)).get() : undefined;
  if (!manager) throw new DomainError("invalid", "This account has no automated-account label");
  if (!(await checkAccountPassword(actor, manager, input.managerPassword))) throw wrongPassword();
  db.update(users).set({ automatedByUserId: null }).where(eq(users.id, actor.userId)).run();
}

import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { ChangeEmailInput } from "@/lib/validation/account";
import type { Actor } from "./actor";
import { DomainError, fieldError, isUniqueViolation } from "./errors";
import { queueEmail } from "./outbox";
import { checkAccountPassword } from "./password-checks";

const taken = () => fieldError("conflict", "email", "An account with that e-mail address already exists");

/**
 * Changes the account's e-mail address (where suspension notices go) once the password is given;
 * the old address is told, so a takeover does not go unnoticed, and the new one is greeted.
 */
export async function changeEmail(db: Db, actor: Actor, input: ChangeEmailInput, now = Date.now()): Promise<{ email: string }> {
  const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) throw new DomainError("unauthorized", "Sign in again");
  const email = input.email;
  if (email.toLowerCase() === user.emailLower) throw fieldError("invalid", "email", "That is already your e-mail address");
  // The password counts against the account in the one limiter of every password check.
  if (!(await checkAccountPassword(actor, user, input.currentPassword))) {
    throw fieldError("invalid", "currentPassword", "That is not your current password");
  }
  try {
    db.transaction((tx) => {
      const clash = tx.select({ id: users.id }).from(users).where(eq(users.emailLower, email.toLowerCase())).get();
      if (clash) throw taken();
      tx.update(users).set({ email, emailLower: email.toLowerCase() }).where(eq(users.id, user.id)).run();
      const when = new Date(now).toISOString().replace("T", " ").slice(0, 16);
      queueEmail(tx, {
        toUserId: user.id,
        toEmail: user.email,
        subject: "Your e-mail address was changed",
        body:
          `The e-mail address of @${user.username} was changed from ${user.email} to ${email} on ${when} UTC.\n\n` +
          "If you did this, there is nothing more to do. If you did not, someone knows your password: sign in, change your password and your e-mail address back, and tell the portal's operator.",
      });
      queueEmail(tx, {
        toUserId: user.id,
        toEmail: email,
        subject: "This is now your e-mail address",
        body: `This address now receives the mail of @${user.username}, such as Application suspension notices and team invitations.`,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, "email_lower")) throw taken();
    throw err;
  }
  return { email };
}

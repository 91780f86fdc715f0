import { eq, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "@/lib/credentials/password";
import type { Actor } from "./actor";
import { DomainError, fieldError } from "./errors";
import { assertSignInAllowed, clearSignInFailures, recordFailedSignIn, type PasswordCheckKind } from "./rate-limits";
import type { PublicUser, User } from "./users";

/**
 * Every place the portal checks a password goes through checkPassword: sign-in, the managing
 * account's password (Account settings → Automation), the current password of a change, and the
 * OAuth consent page's force_login. Failures count against the account whose password was tried
 * — one counter per account, however it was named (`user`, `@USER`, the e-mail) and whoever
 * asked — and against the caller's address. A password oracle that counted per caller let fresh
 * accounts guess another account's password without end.
 */

/** The limiter's key of an account; an unknown name gets one of its own, so unknown and known names behave alike. */
const accountKey = (user: Pick<User, "id"> | undefined, name: string) => (user ? `account:${user.id}` : `name:${normalizeName(name)}`);

const normalizeName = (name: string) => name.trim().replace(/^@/, "").toLowerCase();

/** The address a domain call came from (set by lib/server from the request), for the per-address limit. */
const addressOf = (actor: Pick<Actor, "address"> | undefined) => actor?.address ?? "unknown";

/**
 * Verifies `password` against the account (or, for an unknown one, a dummy hash: the same work),
 * after checking neither the account nor the address is locked. Throws rate_limited when one is.
 */
export async function checkPassword(
  target: { user: Pick<User, "id" | "passwordHash"> | undefined; name: string },
  password: string,
  address: string,
  kind: PasswordCheckKind,
): Promise<boolean> {
  const key = accountKey(target.user, target.name);
  await assertSignInAllowed(key, address, kind);
  const hash = target.user?.passwordHash ?? "";
  // A hash that is not scrypt (a team's account, which nobody signs in to) costs the same as a real one.
  const usable = hash.startsWith("scrypt$");
  const ok = (await verifyPassword(password, usable ? hash : DUMMY_PASSWORD_HASH)) && usable;
  if (!ok) {
    await recordFailedSignIn(key, address);
    return false;
  }
  await clearSignInFailures(key);
  return true;
}

const toPublic = (u: User): PublicUser => ({ id: u.id, username: u.username, name: u.name, email: u.email, isOperator: u.isOperator });

/** Sign-in with a username (any case, with or without @) or e-mail; null for a wrong pair, rate_limited when locked. */
export async function signIn(db: Db, identifier: string, password: string, address: string): Promise<PublicUser | null> {
  const key = normalizeName(identifier);
  const user = db
    .select()
    .from(users)
    .where(or(eq(users.usernameLower, key), eq(users.emailLower, key)))
    .get();
  return (await checkPassword({ user, name: identifier }, password, address, "sign-in")) && user ? toPublic(user) : null;
}

/** The signed-in user types their own password again (OAuth consent with force_login). */
export async function confirmOwnPassword(db: Db, actor: Actor, password: string | undefined): Promise<void> {
  const user = db.select().from(users).where(eq(users.id, actor.userId)).get();
  if (!user) throw new DomainError("unauthorized", "Sign in again");
  if (!(await checkPassword({ user, name: user.username }, password ?? "", addressOf(actor), "confirm"))) {
    throw fieldError("invalid", "password", "That is not your password");
  }
}

/**
 * An account's password typed by a signed-in caller: the managing account's (to label a bot) or
 * the caller's own current password (before a change). Counts against that account.
 */
export async function checkAccountPassword(actor: Actor, user: User, password: string): Promise<boolean> {
  return checkPassword({ user, name: user.username }, password, addressOf(actor), "confirm");
}

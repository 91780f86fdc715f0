import type { Db } from "@/db/client";
import { passwordWeakness } from "@/lib/security/password-strength";
import type { SignUpInput } from "@/lib/validation/account";
import { fieldError } from "./errors";
import { consumeSignUp } from "./rate-limits";
import { createUser, type PublicUser } from "./users";

/** A new password's field error when it is too easy to guess (lib/security/password-strength.ts). */
export function assertStrongPassword(field: string, password: string, context: string[]): void {
  const weakness = passwordWeakness(password, context);
  if (weakness) throw fieldError("invalid", field, weakness);
}

/**
 * Sign-up from the portal: a password that is not too easy to guess, then one sign-up counted
 * against the client's address and the whole portal (each costs a password hash), then the account.
 */
export async function registerUser(db: Db, input: SignUpInput, address: string): Promise<PublicUser> {
  assertStrongPassword("password", input.password, [input.username, input.name, input.email]);
  consumeSignUp(address);
  return createUser(db, input);
}

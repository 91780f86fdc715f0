import { eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/credentials/password";
import type { SignUpInput } from "@/lib/validation/account";
import { DomainError, isUniqueViolation } from "./errors";
import { snowflake } from "./ids";

export type User = typeof users.$inferSelect;
export type PublicUser = Pick<User, "id" | "username" | "name" | "email" | "isOperator">;

const toPublic = (u: User): PublicUser => ({
  id: u.id,
  username: u.username,
  name: u.name,
  email: u.email,
  isOperator: u.isOperator,
});

function takenErrors(db: Db, input: Pick<SignUpInput, "username" | "email">): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const clash = db
    .select({ u: users.usernameLower, e: users.emailLower })
    .from(users)
    .where(or(eq(users.usernameLower, input.username.toLowerCase()), eq(users.emailLower, input.email.toLowerCase())))
    .all();
  if (clash.some((c) => c.u === input.username.toLowerCase())) errors.username = ["That username is taken"];
  if (clash.some((c) => c.e === input.email.toLowerCase()))
    errors.email = ["An account with that e-mail address already exists"];
  return errors;
}

/** Creates a platform account. The first account of a fresh install becomes the operator. */
export async function createUser(db: Db, input: SignUpInput): Promise<PublicUser> {
  const taken = takenErrors(db, input);
  if (Object.keys(taken).length) throw new DomainError("conflict", "That account already exists", taken);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = db.transaction((tx) => {
      const first = tx.select({ n: sql<number>`count(*)` }).from(users).get()!.n === 0;
      const [user] = tx
        .insert(users)
        .values({
          id: snowflake(),
          username: input.username,
          usernameLower: input.username.toLowerCase(),
          name: input.name,
          email: input.email,
          emailLower: input.email.toLowerCase(),
          passwordHash,
          isOperator: first,
        })
        .returning()
        .all();
      return user!;
    }, { behavior: "immediate" });
    return toPublic(user);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new DomainError("conflict", "That account already exists", takenErrors(db, input));
    }
    throw err;
  }
}

export function getUserById(db: DbOrTx, id: string): PublicUser | null {
  const user = db.select().from(users).where(eq(users.id, id)).get();
  return user ? toPublic(user) : null;
}

export function getUserByUsername(db: Db, username: string): PublicUser | null {
  const user = db.select().from(users).where(eq(users.usernameLower, username.replace(/^@/, "").toLowerCase())).get();
  return user ? toPublic(user) : null;
}

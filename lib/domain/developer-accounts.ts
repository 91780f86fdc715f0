import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { developerAccounts, memberships, users, type Role, type Tier } from "@/db/schema";
import type { DeveloperSignUpInput } from "@/lib/validation/account";
import type { Actor } from "./actor";
import { DomainError, isUniqueViolation } from "./errors";
import { snowflake } from "./ids";

export interface DeveloperAccount {
  id: string;
  kind: "personal" | "team";
  name: string;
  tier: Tier;
  role: Role;
}

const accountColumns = {
  id: developerAccounts.id,
  kind: developerAccounts.kind,
  name: developerAccounts.name,
  tier: developerAccounts.tier,
  role: memberships.role,
};

/** The developer accounts the actor belongs to, personal first. */
export function listDeveloperAccounts(db: Db, actor: Actor): DeveloperAccount[] {
  return db
    .select(accountColumns)
    .from(memberships)
    .innerJoin(developerAccounts, eq(developerAccounts.id, memberships.accountId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(developerAccounts.kind, developerAccounts.createdAt)
    .all()
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "personal" ? -1 : 1));
}

/** One account the actor is a member of, or not_found (never revealing that it exists). */
export function getDeveloperAccount(db: Db, actor: Actor, accountId: string): DeveloperAccount {
  const row = db
    .select(accountColumns)
    .from(memberships)
    .innerJoin(developerAccounts, eq(developerAccounts.id, memberships.accountId))
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.accountId, accountId)))
    .get();
  if (!row) throw new DomainError("not_found", "Developer account not found");
  return row;
}

/** "Sign up for developer access": a personal developer account on the Essential tier. */
export function signUpForDeveloperAccess(db: Db, actor: Actor, input: DeveloperSignUpInput): DeveloperAccount {
  try {
    return db.transaction((tx) => {
      const user = tx.select({ username: users.username }).from(users).where(eq(users.id, actor.userId)).get();
      if (!user) throw new DomainError("unauthorized", "Sign in again");
      const id = snowflake();
      const now = Date.now();
      tx.insert(developerAccounts)
        .values({
          id,
          kind: "personal",
          name: `@${user.username}`,
          tier: "essential",
          useCase: input.useCase,
          personalUserId: actor.userId,
          agreedAt: now,
        })
        .run();
      tx.insert(memberships).values({ accountId: id, userId: actor.userId, role: "admin" }).run();
      return { id, kind: "personal" as const, name: `@${user.username}`, tier: "essential" as const, role: "admin" as const };
    });
  } catch (err) {
    if (isUniqueViolation(err, "personal_user_id")) {
      throw new DomainError("conflict", "You already have developer access");
    }
    throw err;
  }
}

import { eq, getTableColumns } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { users } from "@/db/schema";

/** A user's public profile row (everything but the password hash). */
export type ProfileUser = Omit<typeof users.$inferSelect, "passwordHash">;

const { passwordHash: _omit, ...profileColumns } = getTableColumns(users);

export function findProfileById(db: DbOrTx, id: string): ProfileUser | null {
  return db.select(profileColumns).from(users).where(eq(users.id, id)).get() ?? null;
}

export function findProfileByUsername(db: DbOrTx, username: string): ProfileUser | null {
  return db.select(profileColumns).from(users).where(eq(users.usernameLower, username.replace(/^@/, "").toLowerCase())).get() ?? null;
}

import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { users } from "@/db/schema";
import type { UpdateProfileInput } from "@/lib/validation/api";
import { DomainError } from "./errors";
import { findProfileById, type ProfileUser } from "./profiles";

/** A profile URL as X stores it: with a scheme (http:// added when missing), http or https only; "" clears it. */
export function normalizeProfileUrl(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === "") return "";
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `http://${trimmed}`);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".") ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * Updates the given profile fields of a user (POST /1.1/account/update_profile.json): name (not
 * blank), description, url, location; fields left out stay as they are.
 */
export function updateProfile(db: DbOrTx, userId: string, input: UpdateProfileInput): ProfileUser {
  const set: Partial<typeof users.$inferInsert> = {};
  if (input.name !== undefined) {
    if (input.name.trim() === "") throw new DomainError("invalid", "Name can't be blank.", { name: ["Name can't be blank."] });
    set.name = input.name.trim();
  }
  if (input.description !== undefined) set.description = input.description;
  if (input.location !== undefined) set.location = input.location.trim();
  if (input.url !== undefined) {
    const url = normalizeProfileUrl(input.url);
    if (url === null) throw new DomainError("invalid", "Url is not valid.", { url: ["Url is not valid."] });
    set.url = url;
  }
  if (Object.keys(set).length) db.update(users).set(set).where(eq(users.id, userId)).run();
  const user = findProfileById(db, userId);
  if (!user) throw new DomainError("not_found", "User not found");
  return user;
}

import type { Permission } from "@/lib/validation/enums";

const RANK: Record<Permission, number> = { read: 0, "read-write": 1, "read-write-directmessages": 2 };

/** The lower of two access levels. */
export const lowerLevel = (a: Permission, b: Permission): Permission => (RANK[a] <= RANK[b] ? a : b);

/** True when `have` covers everything `need` allows. */
export const levelCovers = (have: Permission, need: Permission) => RANK[have] >= RANK[need];

/**
 * A token's access level: the App's permission, lowered by x_auth_access_type (`read` → read;
 * `write` → read-write unless the App is read-only). Other values change nothing.
 */
export function accessLevelFor(appPermission: Permission, xAuthAccessType?: string | null): Permission {
  if (xAuthAccessType === "read") return "read";
  if (xAuthAccessType === "write") return lowerLevel(appPermission, "read-write");
  return appPermission;
}

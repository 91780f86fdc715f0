import { levelCovers } from "@/lib/oauth1/access-level";
import type { Permission } from "@/lib/validation/enums";

/**
 * The x-access-level of an OAuth 2.0 user token, from its scopes: any dm.* scope →
 * read-write-directmessages, any *.write scope → read-write, else read. App-only tokens are read.
 */
export function accessLevelFromScopes(scopes: readonly string[]): Permission {
  if (scopes.some((s) => s.startsWith("dm."))) return "read-write-directmessages";
  if (scopes.some((s) => s.endsWith(".write"))) return "read-write";
  return "read";
}

/** True when an OAuth 1.0a token's level allows an endpoint that needs `need`. */
export const oauth1Allows = (have: Permission, need: Permission) => levelCovers(have, need);

/** The scopes of `need` that `have` lacks (empty when the token may call the endpoint). */
export const missingScopes = (have: readonly string[], need: readonly string[]) => need.filter((s) => !have.includes(s));

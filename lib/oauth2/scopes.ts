/** The 22 OAuth 2.0 scopes of X, each with the plain words the consent page shows. */
export const SCOPES = {
  "tweet.read": "See posts you can view, including posts from protected accounts",
  "tweet.write": "Post and repost for you",
  "tweet.moderate.write": "Hide and unhide replies to your posts",
  "users.email": "See the e-mail address of your account",
  "users.read": "See any account you can view, including protected accounts",
  "follows.read": "See who you follow and who follows you",
  "follows.write": "Follow and unfollow accounts for you",
  "offline.access": "Stay connected to your account until you revoke access",
  "space.read": "See all the Spaces you can view",
  "mute.read": "See the accounts you have muted",
  "mute.write": "Mute and unmute accounts for you",
  "like.read": "See posts you have liked and likes you can view",
  "like.write": "Like and unlike posts for you",
  "list.read": "See lists and their members, including private lists you created or belong to",
  "list.write": "Create and manage lists for you",
  "block.read": "See the accounts you have blocked",
  "block.write": "Block and unblock accounts for you",
  "bookmark.read": "See your bookmarks",
  "bookmark.write": "Bookmark posts and remove bookmarks for you",
  "dm.read": "See all your Direct Messages",
  "dm.write": "Send and manage Direct Messages for you",
  "media.write": "Upload media for you",
} as const;

export type Scope = keyof typeof SCOPES;

export const isScope = (value: string): value is Scope => Object.hasOwn(SCOPES, value);

export type ScopeParse = { ok: true; scopes: Scope[] } | { ok: false; reason: "missing" | "invalid" };

/**
 * Parses a space-separated scope parameter: known scopes only, duplicates dropped, order kept.
 * `users.email` is only valid for Apps with the email permission.
 */
export function parseScope(raw: string | undefined, opts: { emailAllowed: boolean }): ScopeParse {
  const parts = (raw ?? "").split(" ").filter(Boolean);
  if (parts.length === 0) return { ok: false, reason: "missing" };
  const scopes: Scope[] = [];
  for (const part of parts) {
    if (!isScope(part) || (part === "users.email" && !opts.emailAllowed)) return { ok: false, reason: "invalid" };
    if (!scopes.includes(part)) scopes.push(part);
  }
  return { ok: true, scopes };
}

export const formatScope = (scopes: readonly string[]) => scopes.join(" ");
export const splitScope = (scope: string): string[] => scope.split(" ").filter(Boolean);

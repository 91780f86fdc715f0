import type { UserMetrics } from "@/lib/domain/metrics";
import type { ProfileUser } from "@/lib/domain/profiles";

export type UserRow = ProfileUser;

export interface UserObjectOptions {
  /** The requested `user.fields` (validated against X's list). */
  fields?: readonly string[];
  /** The caller may see this user's e-mail (it is the caller, with the email permission or scope). */
  emailAllowed?: boolean;
  /** Base URL for profile_image_url (the platform's own origin). */
  origin?: string;
  /** public_metrics, when requested. */
  metrics?: UserMetrics;
}

/**
 * The one place an API user object is built: `{id, name, username}` plus the requested fields
 * the platform has. `confirmed_email` only when `emailAllowed`. X's other user.fields are accepted
 * and omitted, as X omits fields that do not apply. A labelled bot account always carries
 * `automated_by` ({id, username} of the managing account), as its profile shows "Automated by @…".
 */
export function buildUserObject(user: UserRow, opts: UserObjectOptions = {}): Record<string, unknown> {
  const fields = new Set(opts.fields ?? []);
  const out: Record<string, unknown> = { id: user.id, name: user.name, username: user.username };
  if (fields.has("created_at")) out.created_at = new Date(user.createdAt).toISOString();
  if (fields.has("description")) out.description = user.description;
  if (fields.has("location") && user.location) out.location = user.location;
  if (fields.has("profile_image_url")) out.profile_image_url = `${opts.origin ?? ""}/default-profile.svg`; // no avatars yet: the default picture
  if (fields.has("protected")) out.protected = user.protected;
  if (fields.has("public_metrics") && opts.metrics) out.public_metrics = opts.metrics;
  if (fields.has("url")) out.url = user.url;
  if (fields.has("verified")) out.verified = user.verified;
  if (fields.has("confirmed_email") && opts.emailAllowed) out.confirmed_email = user.email;
  if (user.automatedByUserId && user.automatedByUsername) out.automated_by = { id: user.automatedByUserId, username: user.automatedByUsername };
  return out;
}

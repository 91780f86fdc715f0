import { DomainError } from "@/lib/domain/errors";
import { userMetrics } from "@/lib/domain/metrics";
import { updateProfile } from "@/lib/domain/profile-update";
import { findProfileById, type ProfileUser } from "@/lib/domain/profiles";
import { isFormContentType } from "@/lib/http/forms";
import { PROFILE_LIMITS, updateProfileSchema } from "@/lib/validation/api";
import { userOf, type ApiContext, type ApiResult } from "./context";
import { v1Error } from "@/lib/platform/problems";
import { ApiError, v1Errors } from "./problems";

/**
 * GET /1.1/account/verify_credentials.json: `{id, id_str, screen_name, name}`, plus `email` with
 * include_email=true when the App has the email permission. Returned as JSON text: X's `id` is a
 * number wider than 2^53, written as digits; `id_str` carries it exactly.
 */
export function verifyCredentialsJson(ctx: ApiContext): string {
  const user = findProfileById(ctx.db, userOf(ctx.caller));
  if (!user) throw v1Errors.invalidToken();
  const body: Record<string, unknown> = { id: 0, id_str: user.id, screen_name: user.username, name: user.name };
  if (ctx.query.get("include_email") === "true" && ctx.caller.emailAllowed) body.email = user.email;
  return JSON.stringify(body).replace('"id":0', `"id":${user.id}`);
}

/** X's v1.1 created_at: "Wed Oct 10 20:19:24 +0000 2018". */
function v1Date(ms: number): string {
  const [day, date, month, year, time] = new Date(ms).toUTCString().replace(",", "").split(" ");
  return `${day} ${month} ${date} ${time} +0000 ${year}`;
}

/** A v1.1 user object (the fields this platform has), as update_profile answers it. */
function v1User(ctx: ApiContext, user: ProfileUser): string {
  const m = userMetrics(ctx.db, [user.id]).get(user.id)!;
  const body = {
    id: 0,
    id_str: user.id,
    name: user.name,
    screen_name: user.username,
    location: user.location,
    description: user.description,
    url: user.url || null,
    protected: user.protected,
    followers_count: m.followers_count,
    friends_count: m.following_count,
    listed_count: 0,
    created_at: v1Date(user.createdAt),
    favourites_count: m.like_count,
    verified: user.verified,
    statuses_count: m.tweet_count,
  };
  return JSON.stringify(body).replace('"id":0', `"id":${user.id}`);
}

const updateFailed = (what: string) => new ApiError(403, v1Error(120, `Account update failed: ${what}`));

/**
 * POST /1.1/account/update_profile.json: name, description, url, location from the form body
 * or the query string (OAuth 1.0a, Read and write). Too long a value is X's 403 code 120.
 */
export function updateProfileJson(ctx: ApiContext, rawBody: string | null, contentType: string | null): ApiResult {
  const params: Record<string, string> = Object.fromEntries(ctx.query);
  if (rawBody && isFormContentType(contentType)) new URLSearchParams(rawBody).forEach((v, k) => (params[k] = v));
  const pick = (k: keyof typeof PROFILE_LIMITS) => params[k];
  const parsed = updateProfileSchema.safeParse({ name: pick("name"), url: pick("url"), location: pick("location"), description: pick("description") });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]!.path[0]) as keyof typeof PROFILE_LIMITS;
    const label = field[0]!.toUpperCase() + field.slice(1);
    throw updateFailed(`${label} is too long (maximum is ${PROFILE_LIMITS[field]} characters).`);
  }
  try {
    return { body: null, rawJson: v1User(ctx, updateProfile(ctx.db, userOf(ctx.caller), parsed.data)) };
  } catch (err) {
    if (err instanceof DomainError && err.code === "invalid") throw updateFailed(err.message);
    throw err;
  }
}

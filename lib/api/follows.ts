import { DomainError } from "@/lib/domain/errors";
import { followUser, listFollowers, listFollowing, unfollowUser } from "@/lib/domain/follows";
import { findProfileById } from "@/lib/domain/profiles";
import { followBodySchema, ID_PATTERN } from "@/lib/validation/api";
import { parseJsonBody } from "./body";
import type { ApiContext, ApiResult } from "./context";
import { windowFromQuery } from "./pagination";
import { apiErrors, resourceNotFound } from "./problems";
import { checkPathParam, parseQuery } from "./query";
import { ownUserOnly } from "./timelines";
import { userListRules, userPage } from "./user-lists";

/** GET /2/users/:id/following and /followers: 1–1000 per page, 100 by default. */
export const FOLLOWS_QUERY = userListRules(1000);

/** POST /2/users/:id/following `{target_user_id}` → `{data:{following, pending_follow}}` (pending for a protected account). */
export function follow(ctx: ApiContext, id: string, rawBody: string | null): ApiResult {
  parseQuery(ctx.query, {});
  const followerId = ownUserOnly(ctx, id);
  const { target_user_id: targetId } = parseJsonBody(rawBody, followBodySchema);
  try {
    const state = followUser(ctx.db, { followerId, targetId }, ctx.now);
    return { body: { data: { following: state.following, pending_follow: state.pendingFollow } } };
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") throw apiErrors.notFound("user", "target_user_id", targetId);
    if (err instanceof DomainError && err.code === "invalid") throw apiErrors.notAllowed(err.message);
    throw err;
  }
}

/** DELETE /2/users/:source_user_id/following/:target_user_id → `{data:{following:false}}`. */
export function unfollow(ctx: ApiContext, sourceId: string, targetId: string): ApiResult {
  parseQuery(ctx.query, {});
  const followerId = ownUserOnly(ctx, sourceId, "source_user_id");
  checkPathParam("target_user_id", targetId, ID_PATTERN);
  unfollowUser(ctx.db, { followerId, targetId });
  return { body: { data: { following: false } } };
}

function list(ctx: ApiContext, id: string, read: typeof listFollowing): ApiResult {
  const query = parseQuery(ctx.query, FOLLOWS_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const window = windowFromQuery(query, 100);
  if (!findProfileById(ctx.db, id)) return { body: { errors: [resourceNotFound("user", "id", id)] } };
  return userPage(ctx, read(ctx.db, id, window), query);
}

/** GET /2/users/:id/following: the accounts the user follows, most recent first. */
export const getFollowing = (ctx: ApiContext, id: string) => list(ctx, id, listFollowing);

/** GET /2/users/:id/followers: the user's followers, most recent first. */
export const getFollowers = (ctx: ApiContext, id: string) => list(ctx, id, listFollowers);

import { findProfileById, findProfileByUsername, type ProfileUser } from "@/lib/domain/profiles";
import { ID_PATTERN, USER_FIELDS, USERNAME_PATTERN } from "@/lib/validation/api";
import { userOf, type ApiContext, type ApiResult } from "./context";
import { apiErrors, resourceNotFound } from "./problems";
import { checkPathParam, parseQuery, type QueryRules } from "./query";
import { renderUsers } from "./render";

/** Query parameters of the user lookups (X also has expansions and tweet.fields; not on this platform). */
export const USER_QUERY: QueryRules = { "user.fields": { kind: "list", allowed: USER_FIELDS } };

function userData(ctx: ApiContext, user: ProfileUser, fields: string[] | undefined) {
  return renderUsers(ctx, [user], { userFields: new Set(fields) })[0];
}

/** GET /2/users/me. */
export function getMe(ctx: ApiContext): ApiResult {
  const query = parseQuery(ctx.query, USER_QUERY);
  const user = findProfileById(ctx.db, userOf(ctx.caller));
  if (!user) throw apiErrors.unauthorized();
  return { body: { data: userData(ctx, user, query["user.fields"] as string[] | undefined) } };
}

/** GET /2/users/:id — an unknown id is X's 200 with a resource-not-found partial error. */
export function getUserById(ctx: ApiContext, id: string): ApiResult {
  const query = parseQuery(ctx.query, USER_QUERY);
  checkPathParam("id", id, ID_PATTERN);
  const user = findProfileById(ctx.db, id);
  if (!user) return { body: { errors: [resourceNotFound("user", "id", id)] } };
  return { body: { data: userData(ctx, user, query["user.fields"] as string[] | undefined) } };
}

/** GET /2/users/by/username/:username. */
export function getUserByUsername(ctx: ApiContext, username: string): ApiResult {
  const query = parseQuery(ctx.query, USER_QUERY);
  checkPathParam("username", username, USERNAME_PATTERN);
  const user = findProfileByUsername(ctx.db, username);
  if (!user) return { body: { errors: [resourceNotFound("user", "username", username)] } };
  return { body: { data: userData(ctx, user, query["user.fields"] as string[] | undefined) } };
}

import { findProfileById } from "@/lib/domain/profiles";
import { userOf, type ApiContext } from "./context";
import { v1Errors } from "./problems";

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

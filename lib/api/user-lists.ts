import type { ListedUser } from "@/lib/domain/follows";
import type { Page } from "@/lib/domain/keyset";
import type { ApiContext, ApiResult } from "./context";
import { listMeta, pageRules } from "./pagination";
import type { ParsedQuery, QueryRules } from "./query";
import { renderUsers, usersInOrder } from "./render";
import { shapeOf, USER_SHAPE_RULES } from "./shape";

/** Query parameters of a list of users: fields, expansions, max_results (1–`max`), pagination_token. */
export const userListRules = (max: number): QueryRules => ({ ...USER_SHAPE_RULES, ...pageRules({ min: 1, max }) });

/** A page of users as X answers it: data (in the list's order) and meta, or only meta when empty. */
export function userPage(ctx: ApiContext, page: Page<ListedUser>, query: ParsedQuery): ApiResult {
  const meta = listMeta(page);
  const users = usersInOrder(ctx, page.items.map((u) => u.userId));
  if (!users.length) return { body: { meta } };
  return { body: { data: renderUsers(ctx, users, shapeOf(query)), meta } };
}

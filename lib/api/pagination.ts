import { tweetCursor, type Cursor, type Page, type PageWindow } from "@/lib/domain/keyset";
import { ID_PATTERN } from "@/lib/validation/api";
import { apiErrors } from "./problems";
import type { ParsedQuery, QueryRules } from "./query";

/** An opaque next_token for a cursor (the time and id where the page ended). */
export const encodePaginationToken = (c: Cursor) => Buffer.from(`${c.createdAt.toString(36)}.${c.id}`).toString("base64url");

export function decodePaginationToken(token: string): Cursor | null {
  const m = /^([0-9a-z]{1,11})\.([0-9]{1,19})$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return m ? { createdAt: parseInt(m[1]!, 36), id: m[2]! } : null;
}

const badToken = (name: string, token: string) =>
  apiErrors.invalidRequest([{ parameters: { [name]: [token] }, message: `The \`${name}\` query parameter value [${token}] is not valid` }]);

/** The older of two cursors (ids of one millisecond have the same length, so text order is numeric order). */
const older = (a: Cursor, b: Cursor | null) => (!b || a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id) ? a : b);

/** Paging parameters of every list: max_results and pagination_token (search also takes it as next_token). */
export const pageRules = (max: { min: number; max: number }, tokenNames: readonly string[] = ["pagination_token"]): QueryRules => ({
  max_results: { kind: "int", ...max },
  ...Object.fromEntries(tokenNames.map((n) => [n, { kind: "string", maxLength: 128 } as const])),
});

/** Tweet timelines also take since_id, until_id, start_time and end_time. */
export const TIME_RULES: QueryRules = {
  since_id: { kind: "pattern", pattern: ID_PATTERN },
  until_id: { kind: "pattern", pattern: ID_PATTERN },
  start_time: { kind: "time" },
  end_time: { kind: "time" },
};

/**
 * The window a list request asks for: `max_results` (else `defaultLimit`) newest-first rows after
 * the page token; for Tweet timelines also since_id / until_id (exclusive) and start_time /
 * end_time. A token this platform did not hand out is X's 400.
 */
export function windowFromQuery(query: ParsedQuery, defaultLimit: number): PageWindow {
  const w: PageWindow = { limit: (query.max_results as number | undefined) ?? defaultLimit };
  for (const name of ["pagination_token", "next_token"]) {
    const token = query[name] as string | undefined;
    if (token === undefined) continue;
    const cursor = decodePaginationToken(token);
    if (!cursor) throw badToken(name, token);
    w.before = older(cursor, w.before ?? null);
  }
  if (query.until_id) w.before = older(tweetCursor(query.until_id as string), w.before ?? null);
  if (query.since_id) w.after = tweetCursor(query.since_id as string);
  if (query.start_time !== undefined) w.startTime = query.start_time as number;
  if (query.end_time !== undefined) w.endTime = query.end_time as number;
  return w;
}

/** X's meta of a Tweet list: result_count, newest_id and oldest_id (when there are results), next_token. */
export function tweetListMeta(page: Page<{ id: string }>): Record<string, unknown> {
  const meta: Record<string, unknown> = { result_count: page.items.length };
  if (page.items.length) Object.assign(meta, { newest_id: page.items[0]!.id, oldest_id: page.items.at(-1)!.id });
  if (page.next) meta.next_token = encodePaginationToken(page.next);
  return meta;
}

/** X's meta of a user list (and liked Tweets): result_count and next_token. */
export function listMeta(page: Page<unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = { result_count: page.items.length };
  if (page.next) meta.next_token = encodePaginationToken(page.next);
  return meta;
}

import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { snowflakeTime } from "./ids";

/** Where a page of a newest-first list ends: the last row's time and id (the id breaks ties). */
export interface Cursor {
  createdAt: number;
  id: string;
}

/** Which part of a newest-first list to read: rows strictly between `after` and `before`, within the times. */
export interface PageWindow {
  limit: number;
  /** Older than this (the previous page's end, or until_id). */
  before?: Cursor | null;
  /** Newer than this (since_id). */
  after?: Cursor | null;
  /** Epoch ms, inclusive. */
  startTime?: number;
  /** Epoch ms, exclusive. */
  endTime?: number;
}

export interface Page<T> {
  items: T[];
  /** Where the next (older) page starts; null on the last page. */
  next: Cursor | null;
}

/** The cursor of a Tweet id: snowflakes carry the millisecond the Tweet was created at. */
export const tweetCursor = (id: string): Cursor => ({ createdAt: snowflakeTime(id), id });

/** The conditions of a window over a list ordered by (createdAt, id) descending. */
export function windowConditions(createdAt: SQLiteColumn | SQL, id: SQLiteColumn | SQL, w: PageWindow): SQL[] {
  const out: SQL[] = [];
  if (w.before) out.push(sql`(${createdAt}, ${id}) < (${w.before.createdAt}, ${w.before.id})`);
  if (w.after) out.push(sql`(${createdAt}, ${id}) > (${w.after.createdAt}, ${w.after.id})`);
  if (w.startTime !== undefined) out.push(sql`${createdAt} >= ${w.startTime}`);
  if (w.endTime !== undefined) out.push(sql`${createdAt} < ${w.endTime}`);
  return out;
}

/** A page from `limit + 1` rows read: the extra row only says that there is a next page. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => Cursor): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? key(last) : null };
}

import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { follows, tweets, users } from "@/db/schema";
import { pageOf, type Page, type PageWindow } from "./keyset";
import { preparedFor } from "./prepared";
import type { TimelineExclusions } from "./timelines";
import type { Tweet } from "./tweets";

type Key = { c: number; id: string; rid: number };
/** Newest first: later time, then (same millisecond, ids of one length) the larger id. */
const newer = (a: Key, b: Key) => a.c > b.c || (a.c === b.c && a.id > b.id);

const WINDOW = {
  before: sql`(${sql.placeholder("beforeC")}, ${sql.placeholder("beforeId")})`,
  after: sql`(${sql.placeholder("afterC")}, ${sql.placeholder("afterId")})`,
};

/** The window (and exclusions) on an alias of tweets, with placeholders: x is the author index's range. */
function windowOf(x: string, exclude: TimelineExclusions): SQL {
  const t = sql.raw(x);
  const parts = [
    sql`(${t}.created_at, ${t}.id) < ${WINDOW.before}`,
    sql`(${t}.created_at, ${t}.id) > ${WINDOW.after}`,
    sql`${t}.created_at >= ${sql.placeholder("start")}`,
    sql`${t}.created_at < ${sql.placeholder("end")}`,
  ];
  if (exclude.replies) parts.push(sql`${t}.in_reply_to_tweet_id is null`);
  if (exclude.retweets) parts.push(sql`${t}.retweeted_tweet_id is null`);
  return sql.join(parts, sql` and `);
}

const variant = (exclude: TimelineExclusions) => `${exclude.replies ? "r" : ""}${exclude.retweets ? "t" : ""}`;

/** Every author's newest `first` Tweets in the window, in one statement (each from its range of tweets_author_idx). */
function firstOfEach(db: DbOrTx, exclude: TimelineExclusions) {
  return preparedFor(db, `home.first:${variant(exclude)}`, () => {
    const authors = db.$with("authors").as(
      db
        .select({ id: follows.followeeId })
        .from(follows)
        .where(and(eq(follows.followerId, sql.placeholder("user")), eq(follows.pending, false)))
        .unionAll(db.select({ id: users.id }).from(users).where(eq(users.id, sql.placeholder("user")))),
    );
    const newest = sql`select y.rowid from ${tweets} y where y.author_id = ${authors.id} and ${windowOf("y", exclude)} order by y.created_at desc, y.id desc limit ${sql.placeholder("first")}`;
    return db
      .with(authors)
      .select({ a: tweets.authorId, c: tweets.createdAt, id: tweets.id, rid: sql<number>`${tweets}.rowid` })
      .from(authors)
      .innerJoin(tweets, sql`${tweets}.rowid in (${newest})`)
      .prepare();
  });
}

/** One author's next Tweets in the window, newest first, from tweets_author_idx (index only without exclusions). */
function authorRange(db: DbOrTx, exclude: TimelineExclusions) {
  return preparedFor(db, `home.author:${variant(exclude)}`, () =>
    db
      .select({ c: tweets.createdAt, id: tweets.id, rid: sql<number>`${tweets}.rowid` })
      .from(tweets)
      .where(and(eq(tweets.authorId, sql.placeholder("author")), windowOf("tweets", exclude)))
      .orderBy(desc(tweets.createdAt), desc(tweets.id))
      .limit(sql.placeholder("n"))
      .prepare(),
  );
}

const followedCount = (db: DbOrTx) =>
  preparedFor(db, "home.followedCount", () =>
    db
      .select({ n: count() })
      .from(follows)
      .where(and(eq(follows.followerId, sql.placeholder("user")), eq(follows.pending, false)))
      .prepare(),
  );

/** The page's rows by rowid (one b-tree seek each, where by id it takes the id index and then the table). */
const tweetsByRowid = (db: DbOrTx, rowids: number[]): Tweet[] =>
  rowids.length ? db.select().from(tweets).where(inArray(sql`${tweets}.rowid`, rowids)).all() : [];

/** A binary max-heap of the authors' current heads. */
class Heads {
  private items: { key: Key; author: number }[] = [];
  get size() {
    return this.items.length;
  }
  push(item: { key: Key; author: number }) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!newer(a[i]!.key, a[p]!.key)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop() {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let m = i;
        if (l < a.length && newer(a[l]!.key, a[m]!.key)) m = l;
        if (r < a.length && newer(a[r]!.key, a[m]!.key)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * The home timeline (GET /2/users/:id/timelines/reverse_chronological): the user's own Tweets and
 * those of the accounts they follow (accepted follows only), newest first. A k-way merge over each
 * author's range of tweets_author_idx: one statement reads every author's first few entries (2 when
 * there are many), an author that keeps winning is read further in doubling batches. A page costs
 * about (2 × followed accounts + page size) index entries, whatever the number of Tweets in the
 * table or in those accounts' histories.
 */
export function homeTimeline(db: DbOrTx, userId: string, w: PageWindow, exclude: TimelineExclusions = {}): Page<Tweet> {
  const want = w.limit + 1;
  // Enough of each author's newest entries that few need reading further: all of them for one author, 2 for many.
  const followed = followedCount(db).get({ user: userId })?.n ?? 0;
  const first = Math.min(want, Math.max(2, Math.ceil((2 * want) / (followed + 1))));
  const before = w.before ?? { createdAt: Number.MAX_SAFE_INTEGER, id: "" };
  const bounds = {
    afterC: w.after?.createdAt ?? -1,
    afterId: w.after?.id ?? "",
    start: w.startTime ?? 0,
    end: w.endTime ?? Number.MAX_SAFE_INTEGER,
  };
  // Each author's first rows in one statement, grouped by author; later rows one author at a time.
  const buffers = new Map<string, { rows: Key[]; next: number; size: number; done: boolean }>();
  for (const row of firstOfEach(db, exclude).all({ user: userId, beforeC: before.createdAt, beforeId: before.id, ...bounds, first })) {
    let b = buffers.get(row.a);
    if (!b) buffers.set(row.a, (b = { rows: [], next: 0, size: first * 2, done: false }));
    b.rows.push({ c: row.c, id: row.id, rid: row.rid });
  }
  const authors = [...buffers.keys()];
  for (const b of buffers.values()) {
    b.rows.sort((x, y) => (newer(x, y) ? -1 : 1));
    b.done = b.rows.length < first;
  }
  const range = authorRange(db, exclude);
  const heads = new Heads();
  const advance = (a: number) => {
    const b = buffers.get(authors[a]!)!;
    if (b.next === b.rows.length && !b.done) {
      const last = b.rows[b.rows.length - 1]!;
      b.rows = range.all({ author: authors[a]!, beforeC: last.c, beforeId: last.id, afterC: bounds.afterC, afterId: bounds.afterId, start: bounds.start, end: bounds.end, n: b.size });
      b.next = 0;
      b.done = b.rows.length < b.size;
      b.size = Math.min(b.size * 2, want);
    }
    if (b.next < b.rows.length) heads.push({ key: b.rows[b.next++]!, author: a });
  };
  authors.forEach((_, a) => advance(a));
  const picked: Key[] = [];
  while (picked.length < want && heads.size) {
    const { key, author } = heads.pop();
    picked.push(key);
    advance(author);
  }
  const byId = new Map(tweetsByRowid(db, picked.map((k) => k.rid)).map((t) => [t.id, t]));
  const rows = picked.map((k) => byId.get(k.id)).filter((t): t is Tweet => !!t);
  return pageOf(rows, w.limit, (t) => ({ createdAt: t.createdAt, id: t.id }));
}

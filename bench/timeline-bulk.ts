import { randomInt } from "node:crypto";
import type { Db } from "@/db/client";
import { hashPassword } from "@/lib/credentials/password";
import { snowflake } from "@/lib/domain/ids";
import { searchTextOf } from "@/lib/domain/search-text";
import { SEED_PASSWORD } from "./config";

const BATCH = 10_000;

export interface TimelineTarget {
  /** Tweets in the table when the home timeline is measured. */
  tweets: number;
  /** Accounts the Tweets are spread over (as evenly as the count allows). */
  authors: number;
  /** How many of those accounts each timeline reader follows. */
  follows: number;
}

export interface TimelineStats {
  /** The posting accounts (hand them to a later call to grow the same timelines). */
  authors: string[];
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  totals: { tweets: number; follows: number };
}

const count = (db: Db, table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

/**
 * The home timeline's data at scale, shaped as lib/domain writes it: `authors` accounts posting
 * `tweets` Tweets in all over the last 6 days (snowflake ids of their creation time, search text,
 * an App as source), and each reader following `follows` of them. Direct prepared inserts, 10,000
 * per transaction; a second call with the first one's authors grows the same timelines.
 */
export async function bulkTimelines(db: Db, readers: string[], appId: string, target: TimelineTarget, existingAuthors: string[] = []): Promise<TimelineStats> {
  const started = performance.now();
  const sqlite = db.$client;
  const passwordHash = await hashPassword(SEED_PASSWORD);
  const now = Date.now();
  let rows = 0;
  const inBatches = (n: number, fn: (i: number) => void) => {
    for (let start = 0; start < n; start += BATCH) {
      sqlite.transaction(() => {
        for (let i = start; i < Math.min(n, start + BATCH); i++) fn(i);
      })();
    }
  };

  const insUser = sqlite.prepare(
    "insert into users (id, username, username_lower, name, email, email_lower, password_hash, is_operator, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?)",
  );
  const authors: string[] = [...existingAuthors];
  inBatches(Math.max(0, target.authors - authors.length), (i) => {
    const id = snowflake(now - 10 * 86_400_000 + i);
    const username = `tl${i}`;
    insUser.run(id, username, username, `Timeline author ${i}`, `${username}@timeline.example`, `${username}@timeline.example`, passwordHash, now);
    authors.push(id);
    rows++;
  });

  const insTweet = sqlite.prepare(
    "insert into tweets (id, author_id, text, source_app_id, source_name, source_url, created_at, search_text) values (?, ?, ?, ?, 'Bench app', 'https://client.example', ?, ?)",
  );
  const span = 6 * 86_400_000;
  const newTweets = Math.max(0, target.tweets - count(db, "tweets"));
  inBatches(newTweets, (i) => {
    const created = now - span + Math.floor((i / newTweets) * span) + randomInt(0, 1000);
    const text = `Bench tweet ${i} about timelines, number ${i % 997}`;
    insTweet.run(snowflake(created), authors[i % authors.length]!, text, appId, created, searchTextOf(text));
    rows++;
  });

  const insFollow = sqlite.prepare("insert or ignore into follows (follower_id, followee_id, pending, created_at) values (?, ?, 0, ?)");
  readers.forEach((reader, r) => {
    sqlite.transaction(() => {
      for (let f = 0; f < target.follows; f++) insFollow.run(reader, authors[(r * 7919 + f * 104_729) % authors.length]!, now - f);
    })();
    rows += target.follows;
  });

  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const seconds = (performance.now() - started) / 1000;
  return { authors, rows, seconds, rowsPerSecond: rows / seconds, totals: { tweets: count(db, "tweets"), follows: count(db, "follows") } };
}

import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { tweetMentions, users } from "@/db/schema";
import { mentionedUsernames } from "./search-text";

/** Records who a new Tweet mentions: the @usernames in its text that are accounts, and `alsoUserIds` (the author replied to). */
export function recordMentions(tx: DbOrTx, tweet: { id: string; text: string; createdAt: number }, alsoUserIds: readonly string[]): void {
  const names = mentionedUsernames(tweet.text);
  const named = names.length ? tx.select({ id: users.id }).from(users).where(inArray(users.usernameLower, names)).all() : [];
  const ids = [...new Set([...alsoUserIds, ...named.map((u) => u.id)])];
  if (ids.length) tx.insert(tweetMentions).values(ids.map((userId) => ({ tweetId: tweet.id, userId, createdAt: tweet.createdAt }))).run();
}

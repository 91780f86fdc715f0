/**
 * Test support for write-outcome.test.ts, run under a file-size limit (a full disk):
 *   tweets <db> <authorId> <appId> <n>   n createTweet calls
 *   burn <db> <id,id,…>                   burnRequestToken on each request token
 * Prints `{ acked, failures }`: what each call acknowledged (ids) and the error codes of the rest.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { apps } from "@/db/schema";
import { burnRequestToken } from "./oauth1/request-tokens";
import { createTweet } from "./tweets";

const [scenario, file, ...args] = process.argv.slice(2);
const db = openDatabase(file!);
const acked: string[] = [];
const failures: string[] = [];
const attempt = (fn: () => string | null) => {
  try {
    const id = fn();
    if (id !== null) acked.push(id);
  } catch (err) {
    failures.push(String((err as { code?: string }).code ?? (err as Error).message));
  }
};

if (scenario === "tweets") {
  const [authorId, appId, n] = args;
  const app = db.select().from(apps).where(eq(apps.id, appId!)).get()!;
  for (let i = 0; i < Number(n); i++) attempt(() => createTweet(db, { authorId: authorId!, app, text: `full disk ${i} ${"x".repeat(200)}` }).id);
} else if (scenario === "burn") {
  for (const id of args[0]!.split(",")) attempt(() => (burnRequestToken(db, Number(id)) ? id : null));
} else throw new Error(`unknown scenario ${scenario}`);

console.log(JSON.stringify({ acked, failures }));

import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { developerAccounts, users } from "@/db/schema";
import type { Actor } from "@/lib/domain/actor";
import { DomainError } from "@/lib/domain/errors";
import { makeOperator, reinstateApp, setTier, suspendApp } from "@/lib/domain/operator";
import { deliverPending } from "@/lib/mail/deliver";
import { setTierSchema, suspendAppSchema } from "@/lib/validation/operator";

const USAGE = `Usage: npm run admin -- <command>

  make-operator <username>            make an existing user an operator
  set-tier <account-id|@username> <essential|elevated|academic|enterprise>
  suspend <app-id> <reason…>          suspend an App and e-mail its owner
  reinstate <app-id>                  reinstate a suspended App

Uses DATA_DIR (default ./data) like the server.`;

/** The CLI acts as an operator that is not a user (audit shows "System"). */
const CLI: Actor = { userId: "cli", isOperator: true };

function accountIdFor(db: ReturnType<typeof getDb>, ref: string): string {
  if (!ref.startsWith("@")) return ref;
  const row = db
    .select({ id: developerAccounts.id })
    .from(developerAccounts)
    .innerJoin(users, eq(users.id, developerAccounts.personalUserId))
    .where(eq(users.usernameLower, ref.slice(1).toLowerCase()))
    .get();
  if (!row) throw new DomainError("not_found", `No personal developer account for ${ref}`);
  return row.id;
}

/** Runs one CLI command; returns the line to print. */
export async function runAdminCommand(args: string[]): Promise<string> {
  const db = getDb();
  migrateDatabase(db);
  const [command, ...rest] = args;
  switch (command) {
    case "make-operator":
      if (!rest[0]) return USAGE;
      makeOperator(db, rest[0]);
      return `@${rest[0].replace(/^@/, "")} is now an operator`;
    case "set-tier": {
      const input = setTierSchema.parse({ accountId: accountIdFor(db, rest[0] ?? ""), tier: rest[1] });
      const { moved } = setTier(db, CLI, input);
      await deliverPending(db);
      return `tier set to ${input.tier}${moved.length ? `; moved to Standalone: ${moved.map((m) => m.name).join(", ")}` : ""}`;
    }
    case "suspend": {
      const input = suspendAppSchema.parse({ appId: rest[0], reason: rest.slice(1).join(" ") });
      suspendApp(db, CLI, input);
      await deliverPending(db);
      return `App ${input.appId} suspended; the owner was sent an Application suspension notice`;
    }
    case "reinstate":
      if (!rest[0]) return USAGE;
      reinstateApp(db, CLI, rest[0]);
      return `App ${rest[0]} reinstated`;
    default:
      return USAGE;
  }
}

if (require.main === module) {
  runAdminCommand(process.argv.slice(2))
    .then((line) => console.log(line))
    .catch((err: unknown) => {
      if (err instanceof DomainError) console.error(err.message);
      else if (err instanceof z.ZodError) console.error(err.issues.map((i) => i.message).join("; "));
      else console.error(err);
      process.exit(1);
    });
}

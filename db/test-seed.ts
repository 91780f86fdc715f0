import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { apps, developerAccounts, projects } from "./schema";
import type { Actor } from "@/lib/domain/actor";
import { createApp, type CreatedApp } from "@/lib/domain/apps";
import { signUpForDeveloperAccess, type DeveloperAccount } from "@/lib/domain/developer-accounts";
import { numericId } from "@/lib/domain/ids";
import { createUser, type PublicUser } from "@/lib/domain/users";
import type { Tier } from "@/lib/validation/enums";

export const SEED_PASSWORD = "correct horse battery";
const USE_CASE = "Integration tests seed this developer account to exercise the platform the way a real developer would, end to end.";

export interface SeededDeveloper {
  user: PublicUser;
  actor: Actor;
  account: DeveloperAccount;
}

/** A user with a personal developer account (real domain calls, real password hash). */
export async function seedDeveloper(db: Db, username: string, tier: Tier = "essential"): Promise<SeededDeveloper> {
  const user = await createUser(db, { username, name: `${username} name`, email: `${username}@example.com`, password: SEED_PASSWORD });
  const actor: Actor = { userId: user.id, isOperator: user.isOperator };
  const account = signUpForDeveloperAccess(db, actor, { useCase: USE_CASE, acceptAgreement: true });
  if (tier !== "essential") db.update(developerAccounts).set({ tier }).where(eq(developerAccounts.id, account.id)).run();
  return { user, actor, account: { ...account, tier } };
}

export function seedProject(db: Db, accountId: string, name = "Seed project"): string {
  const id = numericId();
  db.insert(projects).values({ id, accountId, name, description: "", useCase: "" }).run();
  return id;
}

export interface SeededApp extends SeededDeveloper, CreatedApp {
  projectId: string | null;
}

/**
 * A developer with one App (in a Project unless `standalone`), with optional settings applied,
 * e.g. `{ oauth1Enabled: true, permission: "read-write", callbackUrls: [...] }`.
 */
export async function seedApp(
  db: Db,
  username: string,
  opts: { standalone?: boolean; tier?: Tier; settings?: Partial<typeof apps.$inferInsert> } = {},
): Promise<SeededApp> {
  const dev = await seedDeveloper(db, username, opts.tier);
  const projectId = opts.standalone ? null : seedProject(db, dev.account.id);
  const created = createApp(db, dev.actor, dev.account.id, {
    name: `${username} app`,
    environment: "development",
    projectId: projectId ?? undefined,
  });
  if (opts.settings) db.update(apps).set(opts.settings).where(eq(apps.id, created.app.id)).run();
  const app = db.select().from(apps).where(eq(apps.id, created.app.id)).get()!;
  return { ...dev, ...created, app, projectId };
}

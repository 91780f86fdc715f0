import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { seedApp } from "@/db/test-seed";
import { migrateDatabase } from "@/db/migrate";
import { apps, developerAccounts, outbox, users } from "@/db/schema";
import { runAdminCommand } from "./admin-cli";

describe("admin CLI", () => {
  it("makes operators, sets tiers, suspends and reinstates against the data folder's database", async () => {
    const db = getDb();
    migrateDatabase(db);
    const seeded = await seedApp(db, "cliuser");
    expect(await runAdminCommand(["make-operator", "@cliuser"])).toBe("@cliuser is now an operator");
    expect(db.select().from(users).where(eq(users.id, seeded.user.id)).get()!.isOperator).toBe(true);
    expect(await runAdminCommand(["set-tier", "@cliuser", "enterprise"])).toBe("tier set to enterprise");
    expect(db.select().from(developerAccounts).where(eq(developerAccounts.id, seeded.account.id)).get()!.tier).toBe("enterprise");
    await runAdminCommand(["suspend", seeded.app.id, "Spamming", "the", "timeline"]);
    expect(db.select().from(apps).where(eq(apps.id, seeded.app.id)).get()).toMatchObject({ status: "suspended", suspendedReason: "Spamming the timeline" });
    expect(db.select().from(outbox).all().map((m) => m.subject)).toContain("Application suspension notice");
    await runAdminCommand(["reinstate", seeded.app.id]);
    expect(db.select().from(apps).where(eq(apps.id, seeded.app.id)).get()!.status).toBe("active");
    await expect(runAdminCommand(["set-tier", "@cliuser", "platinum"])).rejects.toThrow();
    expect(await runAdminCommand(["help"])).toMatch(/^Usage: npm run admin/);
  });
});

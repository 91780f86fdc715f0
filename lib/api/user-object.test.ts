import { describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, SEED_PASSWORD } from "@/db/test-seed";
import { setManagingAccount } from "@/lib/domain/automation";
import { findProfileByUsername } from "@/lib/domain/profiles";
import { buildUserObject } from "./user-object";

describe("API user objects and the automated-account label", () => {
  it("a labelled bot carries automated_by; others keep X's default shape", async () => {
    const db = createTestDb();
    const manager = await seedDeveloper(db, "runner");
    const bot = await seedDeveloper(db, "weatherbot");
    expect(buildUserObject(findProfileByUsername(db, "weatherbot")!)).toEqual({ id: bot.user.id, name: "weatherbot name", username: "weatherbot" });
    await setManagingAccount(db, bot.actor, { managerUsername: "runner", managerPassword: SEED_PASSWORD });
    const profile = findProfileByUsername(db, "weatherbot")!;
    expect(profile.automatedByUsername).toBe("runner");
    expect(buildUserObject(profile)).toEqual({
      id: bot.user.id,
      name: "weatherbot name",
      username: "weatherbot",
      automated_by: { id: manager.user.id, username: "runner" },
    });
  });
});

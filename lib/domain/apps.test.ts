import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, seedProject } from "@/db/test-seed";
import type { Db } from "@/db/client";
import { apps, credentials } from "@/db/schema";
import { createApp } from "./apps";
import { findAppByBearer, findConsumer } from "./app-credentials";
import { type DomainError } from "./errors";

let db: Db;
beforeEach(() => {
  db = createTestDb();
});

describe("createApp", () => {
  it("creates an App with a numeric id and working credentials, storing no plaintext secret", async () => {
    const dev = await seedDeveloper(db, "alice");
    const projectId = seedProject(db, dev.account.id);
    const { app, secrets } = createApp(db, dev.actor, dev.account.id, { name: "Weather Bot", environment: "production", projectId });
    expect(app.id).toMatch(/^\d{8,9}$/);
    expect(app.projectId).toBe(projectId);
    expect(findConsumer(db, secrets.apiKey)?.secret).toBe(secrets.apiKeySecret);
    expect(findAppByBearer(db, secrets.bearerToken)?.id).toBe(app.id);

    const dump = JSON.stringify(db.select().from(credentials).all()) + JSON.stringify(db.select().from(apps).all());
    expect(dump).not.toContain(secrets.apiKeySecret);
    expect(dump).not.toContain(secrets.bearerToken);
    expect(dump).not.toContain(decodeURIComponent(secrets.bearerToken));
  });

  it("refuses a name taken in any case, platform-wide", async () => {
    const a = await seedDeveloper(db, "alice");
    const b = await seedDeveloper(db, "bob");
    createApp(db, a.actor, a.account.id, { name: "Weather Bot", environment: "development" });
    const err = (() => {
      try {
        createApp(db, b.actor, b.account.id, { name: "weather BOT", environment: "development" });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err?.fieldErrors?.name?.[0]).toMatch(/already taken/);
  });

  it("enforces apps per Project on Essential, naming the tier that lifts it", async () => {
    const dev = await seedDeveloper(db, "alice");
    const projectId = seedProject(db, dev.account.id);
    createApp(db, dev.actor, dev.account.id, { name: "One", environment: "development", projectId });
    expect(() => createApp(db, dev.actor, dev.account.id, { name: "Two", environment: "development", projectId })).toThrow(
      "This Project already has 1 of 1 App on Essential access. Upgrade to Elevated access to get more.",
    );
    expect(db.select().from(apps).all()).toHaveLength(1);
  });

  it("another account's member cannot create Apps in it", async () => {
    const a = await seedDeveloper(db, "alice");
    const b = await seedDeveloper(db, "bob");
    expect(() => createApp(db, b.actor, a.account.id, { name: "Sneaky", environment: "development" })).toThrow("Developer account not found");
  });

  it("another account's Project answers not found", async () => {
    const a = await seedDeveloper(db, "alice");
    const b = await seedDeveloper(db, "bob");
    const projectId = seedProject(db, a.account.id);
    expect(() => createApp(db, b.actor, b.account.id, { name: "X", environment: "development", projectId })).toThrow("Project not found");
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { createTestDb } from "@/db/test-db";
import { seedApp, type SeededApp } from "@/db/test-seed";
import type { Db } from "@/db/client";
import { apps, auditLog } from "@/db/schema";
import { setAppIcon } from "./app-icons";
import { appDetailsVersion, updateAppDetails } from "./app-details";
import { getAuthSettings, saveAuthSettings, authSettingsVersion } from "./auth-settings";
import { StaleEditError } from "./errors";

let db: Db;
let s: SeededApp;
const row = () => db.select().from(apps).where(eq(apps.id, s.app.id)).get()!;

beforeEach(async () => {
  db = createTestDb();
  s = await seedApp(db, "tabs");
});

describe("App details: two tabs, no lost update", () => {
  it("a save with the version another save replaced is refused with the saved values; nothing is written", () => {
    const opened = appDetailsVersion(row());
    updateAppDetails(db, s.actor, { appId: s.app.id, version: opened, description: "Written in tab A" });
    let err: unknown;
    try {
      updateAppDetails(db, s.actor, { appId: s.app.id, version: opened, organizationName: "Tab B Inc" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StaleEditError);
    expect((err as StaleEditError).message).toBe("This App changed since you opened it");
    expect((err as StaleEditError).conflict.values).toMatchObject({ description: "Written in tab A", organizationName: "" });
    expect((err as StaleEditError).conflict.version).toBe(appDetailsVersion(row()));
    expect(row()).toMatchObject({ description: "Written in tab A", organizationName: "" });
  });

  it("writes only the fields sent: a fresh save of one field keeps the others", () => {
    updateAppDetails(db, s.actor, { appId: s.app.id, version: appDetailsVersion(row()), description: "Kept" });
    const { version } = updateAppDetails(db, s.actor, { appId: s.app.id, version: appDetailsVersion(row()), organizationName: "Org" });
    expect(row()).toMatchObject({ description: "Kept", organizationName: "Org" });
    expect(version).toBe(appDetailsVersion(row()));
    const last = db.select().from(auditLog).where(eq(auditLog.action, "app.update")).all().at(-1)!;
    expect((last.details as { changed: string[] }).changed).toEqual(["organizationName"]);
  });

  it("changes elsewhere on the App (icon) do not make the form stale; a callback URL saved in auth settings does", async () => {
    const opened = appDetailsVersion(row());
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#123456" } }).png().toBuffer();
    await setAppIcon(db, s.actor, s.app.id, png);
    expect(() => updateAppDetails(db, s.actor, { appId: s.app.id, version: opened, description: "After the icon" })).not.toThrow();

    const details = appDetailsVersion(row());
    const settings = getAuthSettings(db, s.actor, { appId: s.app.id });
    saveAuthSettings(db, s.actor, {
      appId: s.app.id,
      version: authSettingsVersion(row()),
      oauth1Enabled: true,
      callbackUrls: [{ url: "https://example.com/cb" }],
      websiteUrl: "https://example.com",
    });
    expect(settings.oauth1Enabled).toBe(false);
    expect(() => updateAppDetails(db, s.actor, { appId: s.app.id, version: details, description: "Stale" })).toThrow(StaleEditError);
  });
});

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupDatabase, defaultBackupFile } from "./backup";
import { getDb, openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { outbox } from "./schema";

describe("db:backup", () => {
  it("copies the live database (WAL included) into $DATA_DIR/backups, mode 0600, and never overwrites", async () => {
    const db = getDb();
    migrateDatabase(db);
    db.insert(outbox).values({ toEmail: "a@example.com", subject: "before the backup", body: "" }).run();

    const { file, pages } = await backupDatabase();
    expect(path.dirname(file)).toBe(path.dirname(defaultBackupFile()));
    expect(pages).toBeGreaterThan(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    db.insert(outbox).values({ toEmail: "a@example.com", subject: "after the backup", body: "" }).run();

    const copy = openDatabase(file);
    expect(copy.select().from(outbox).all().map((m) => m.subject)).toEqual(["before the backup"]);
    copy.$client.close();
    await expect(backupDatabase(file)).rejects.toThrow(/already exists/);
    await expect(backupDatabase(path.join(path.dirname(file), "x.sqlite"), "/nonexistent/devportal.sqlite")).rejects.toThrow(/no database/);
  });
});

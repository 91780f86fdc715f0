import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase } from "./client";
import { migrateDatabase } from "./migrate";
import { outbox } from "./schema";

describe("openDatabase transactions", () => {
  it("hold the write lock from BEGIN, so a read-then-write transaction never meets SQLITE_BUSY from another connection", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "devportal-client-")), "t.sqlite");
    const server = openDatabase(file);
    migrateDatabase(server);
    const other = openDatabase(file); // another process: the admin CLI, a second server
    other.$client.pragma("busy_timeout = 0");
    const mail = (subject: string) => ({ toEmail: "a@example.com", subject, body: "" });

    const id = server.transaction((tx) => {
      tx.select().from(outbox).all(); // read first, as every domain operation does
      // With a DEFERRED transaction this write succeeds and ours below fails with SQLITE_BUSY_SNAPSHOT.
      expect(() => other.insert(outbox).values(mail("other")).run()).toThrow(/SQLITE_BUSY|locked/);
      return tx.insert(outbox).values(mail("ours")).returning({ id: outbox.id }).all()[0]!.id;
    });

    expect(server.select().from(outbox).where(eq(outbox.id, id)).get()?.subject).toBe("ours");
    other.insert(outbox).values(mail("after")).run(); // the lock is released at COMMIT
    expect(other.select().from(outbox).all().map((m) => m.subject)).toEqual(["ours", "after"]);
  });
});

describe("openDatabase settings", () => {
  it("opens every connection in WAL with foreign keys, a busy wait and a 64 MiB page cache", () => {
    const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "devportal-client-")), "s.sqlite"));
    const value = (pragma: string): unknown => db.$client.pragma(pragma, { simple: true });
    expect(value("journal_mode")).toBe("wal");
    expect(value("foreign_keys")).toBe(1);
    expect(value("busy_timeout")).toBe(5000);
    expect(value("synchronous")).toBe(1);
    expect(value("cache_size")).toBe(-65536);
  });
});

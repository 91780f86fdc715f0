import { afterEach, describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { clearStorageTrouble, onStorageFailure, storageFailure, storageTrouble, StorageUnavailableError, whenStorageRecovers } from "./storage-health";

const sqliteError = (code: string, message = "x") => Object.assign(new Error(message), { name: "SqliteError", code });

afterEach(() => clearStorageTrouble());

describe("storageFailure", () => {
  it("recognises SQLite's storage codes, primary and extended", () => {
    const kinds = ["SQLITE_FULL", "SQLITE_READONLY", "SQLITE_READONLY_DBMOVED", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC", "SQLITE_CORRUPT", "SQLITE_CANTOPEN", "SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED"].map(
      (code) => [code, storageFailure(sqliteError(code))?.kind, storageFailure(sqliteError(code))?.retryAfterS],
    );
    expect(kinds).toEqual([
      ["SQLITE_FULL", "full", 30],
      ["SQLITE_READONLY", "read_only", 30],
      ["SQLITE_READONLY_DBMOVED", "read_only", 30],
      ["SQLITE_IOERR_WRITE", "io", 30],
      ["SQLITE_IOERR_FSYNC", "io", 30],
      ["SQLITE_CORRUPT", "io", 30],
      ["SQLITE_CANTOPEN", "unavailable", 30],
      ["SQLITE_BUSY", "busy", 5],
      ["SQLITE_BUSY_SNAPSHOT", "busy", 5],
      ["SQLITE_LOCKED", "busy", 5],
    ]);
    expect(storageFailure(new TypeError("The database connection is not open"))?.kind).toBe("unavailable");
  });

  it("leaves bugs and refusals alone: constraint violations, domain errors, other TypeErrors", () => {
    for (const err of [sqliteError("SQLITE_CONSTRAINT_UNIQUE"), sqliteError("SQLITE_ERROR"), new DomainError("conflict", "taken"), new TypeError("x is undefined"), null, "text"]) {
      expect(storageFailure(err)).toBeNull();
    }
    expect(storageTrouble()).toBeNull();
  });

  it("records a degraded episode from the first failure until cleared, and tells listeners", () => {
    const heard: number[] = [];
    const stop = onStorageFailure((t) => heard.push(t.failures));
    storageFailure(sqliteError("SQLITE_FULL", "database or disk is full"));
    storageFailure(sqliteError("SQLITE_IOERR_WRITE", "disk I/O error"));
    stop();
    storageFailure(sqliteError("SQLITE_FULL"));
    expect(heard).toEqual([1, 2]);
    expect(storageTrouble()).toMatchObject({ kind: "full", error: "SQLITE_FULL: x", failures: 3 });
    clearStorageTrouble();
    expect(storageTrouble()).toBeNull();
  });

  it("passes its own error through, also from another copy of the module (Next's bundle)", () => {
    const own = new StorageUnavailableError("busy", "SQLITE_BUSY", "database is locked");
    expect(storageFailure(own)).toBe(own);
    const foreign = Object.assign(new Error("SQLITE_FULL: full"), { name: "StorageUnavailableError", kind: "full", retryAfterS: 30 });
    expect(storageFailure(foreign)).toBe(foreign);
  });
});

describe("whenStorageRecovers", () => {
  it("runs a postponed job once, when storage takes writes again", () => {
    const runs: string[] = [];
    storageFailure(Object.assign(new Error("attempt to write a readonly database"), { code: "SQLITE_READONLY" }));
    whenStorageRecovers(() => runs.push("repair"));
    expect(runs).toEqual([]);
    clearStorageTrouble();
    expect(runs).toEqual(["repair"]);
    clearStorageTrouble();
    expect(runs).toEqual(["repair"]);
  });
});

describe("storageFailure through a wrapper", () => {
  it("finds SQLite's code on the cause of drizzle's DrizzleError (raw sql statements)", () => {
    const wrapped = Object.assign(new Error("Failed to run the query 'delete from x'"), { cause: sqliteError("SQLITE_READONLY", "attempt to write a readonly database") });
    expect(storageFailure(wrapped)).toMatchObject({ kind: "read_only" });
    clearStorageTrouble();
    expect(storageFailure(Object.assign(new Error("Failed to run the query"), { cause: new Error("no such column") }))).toBeNull();
  });
});


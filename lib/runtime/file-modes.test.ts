import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { secureDataFiles } from "./file-modes";

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "devportal-modes-"));

describe("data file modes", () => {
  it("a new data folder is 0700 and the database, -wal and -shm SQLite creates are 0600", () => {
    const dir = path.join(tmp(), "data");
    const file = path.join(dir, "devportal.sqlite");
    expect(secureDataFiles(dir, file)).toEqual([]);
    const db = openDatabase(file);
    db.$client.exec("create table t (x); insert into t values (1);");
    expect(modeOf(dir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, modeOf(f).toString(8)]).toEqual([f, "600"]);
    db.$client.close();
  });

  it("an existing install's 0755 folder and 0644 files are tightened at start, and say so", () => {
    const dir = path.join(tmp(), "data");
    const file = path.join(dir, "devportal.sqlite");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      fs.writeFileSync(f, "");
      fs.chmodSync(f, 0o644);
    }
    const changes = secureDataFiles(dir, file);
    expect(changes).toHaveLength(4);
    expect(changes[0]).toContain("0755 → 0700");
    expect(modeOf(dir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f)).toBe(0o600);
    expect(secureDataFiles(dir, file)).toEqual([]);
  });

  it("never touches a shared sticky folder such as /tmp", () => {
    const dir = tmp();
    fs.chmodSync(dir, 0o1777);
    expect(secureDataFiles(dir, path.join(dir, "devportal.sqlite"))).toEqual([]);
    expect(fs.statSync(dir).mode & 0o7777).toBe(0o1777);
  });
});

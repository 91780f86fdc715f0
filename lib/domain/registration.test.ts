import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DomainError } from "./errors";
import { registerUser } from "./registration";

let db: Db;
let n = 0;
const input = (username: string, password = "correct horse battery") => ({ username, name: `${username} name`, email: `${username}@example.com`, password });

beforeEach(() => {
  db = createTestDb();
  n++;
});
afterEach(() => {
  delete process.env.SIGNUPS_PER_ADDRESS_PER_HOUR;
  delete process.env.SIGNUPS_PER_HOUR;
});

describe("registerUser", () => {
  it("refuses a common or guessable password with a field error that says why, and creates nothing", async () => {
    for (const password of ["password", "aaaaaaaa", "12345678", `user${n}abc1`]) {
      const err = (await registerUser(db, input(`user${n}abc`, password), "192.0.2.1").catch((e: unknown) => e)) as DomainError;
      expect(err).toBeInstanceOf(DomainError);
      expect(err.fieldErrors?.password?.[0]).toMatch(/^This password is too easy to guess\. .+/);
    }
    expect(db.select().from(users).all()).toEqual([]);
  });

  it("limits sign-ups per address per hour (SIGNUPS_PER_ADDRESS_PER_HOUR); other addresses go on", async () => {
    process.env.SIGNUPS_PER_ADDRESS_PER_HOUR = "3";
    const address = `198.51.100.${n}`;
    for (let i = 0; i < 3; i++) await registerUser(db, input(`a${n}x${i}`), address);
    await expect(registerUser(db, input(`a${n}x3`), address)).rejects.toThrow(/^Too many new accounts from your network\. Try again in \d+ minutes?\.$/);
    await registerUser(db, input(`a${n}y0`), `203.0.113.${n}`);
    expect(db.select().from(users).all()).toHaveLength(4);
  });

  it("limits sign-ups in all per hour (SIGNUPS_PER_HOUR), whatever the address", async () => {
    process.env.SIGNUPS_PER_HOUR = "4";
    for (let i = 0; i < 4; i++) await registerUser(db, input(`t${n}x${i}`), `192.0.2.${i}`);
    await expect(registerUser(db, input(`t${n}x9`), "192.0.2.99")).rejects.toThrow(/^Too many new accounts are being created right now\./);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, SEED_PASSWORD, type SeededDeveloper } from "@/db/test-seed";
import type { Db } from "@/db/client";
import type { Actor } from "./actor";
import { setManagingAccount } from "./automation";
import { confirmOwnPassword, signIn } from "./password-checks";
import { PASSWORD_FAILURES_PER_ACCOUNT, PASSWORD_FAILURES_PER_ADDRESS } from "./rate-limits";
import { changePassword, createSession } from "./sessions";

/** One limiter for every password check, keyed on the account whose password was tried (issue 15, items 2 and 5). */
let db: Db;
let victim: SeededDeveloper;
let n = 0;
/** A fresh address per test: the per-address counter is process-wide. */
let address = "";
const as = (d: SeededDeveloper, addr = address): Actor => ({ ...d.actor, address: addr });
const LOCKED_SIGN_IN = /Too many sign-in attempts. Try again in \d+ minutes?/;
const LOCKED = /Too many wrong passwords. Try again in \d+ minutes?/;

beforeEach(async () => {
  db = createTestDb();
  n++;
  address = `198.51.100.${n}`;
  victim = await seedDeveloper(db, `victim${n}`);
});

describe("failures count per account", () => {
  it("however the account is named: username, @USERNAME and e-mail share one counter", async () => {
    const names = [victim.user.username, `@${victim.user.username.toUpperCase()}`, victim.user.email.toUpperCase()];
    for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT; i++) {
      expect(await signIn(db, names[i % 3]!, `wrong ${i}`, `203.0.113.${i}`)).toBeNull();
    }
    await expect(signIn(db, victim.user.username, SEED_PASSWORD, "203.0.113.200")).rejects.toThrow(LOCKED_SIGN_IN);
  });

  it("an unknown name is counted the same way, with or without @", async () => {
    for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT; i++) expect(await signIn(db, i % 2 ? `ghost${n}` : `@GHOST${n}`, "x", `203.0.113.${i}`)).toBeNull();
    await expect(signIn(db, `ghost${n}`, "x", "203.0.113.201")).rejects.toThrow(LOCKED_SIGN_IN);
  });

  it("the managing-account check counts against the managing account, not the caller: fresh bot accounts get no fresh guesses", async () => {
    const bots = [await seedDeveloper(db, `bota${n}`), await seedDeveloper(db, `botb${n}`), await seedDeveloper(db, `botc${n}`)];
    let guesses = 0;
    for (const bot of bots) {
      for (let i = 0; i < 4 && guesses < PASSWORD_FAILURES_PER_ACCOUNT; i++, guesses++) {
        await expect(setManagingAccount(db, as(bot, `203.0.113.${guesses}`), { managerUsername: victim.user.username, managerPassword: `guess ${guesses}` })).rejects.toThrow("not the managing account's password");
      }
    }
    // The right password is no longer confirmed, through any path, to anyone.
    const fresh = await seedDeveloper(db, `botd${n}`);
    await expect(setManagingAccount(db, as(fresh), { managerUsername: victim.user.username, managerPassword: SEED_PASSWORD })).rejects.toThrow(LOCKED);
    await expect(signIn(db, victim.user.username, SEED_PASSWORD, "203.0.113.99")).rejects.toThrow(LOCKED_SIGN_IN);
  });

  it("wrong current passwords of a change are limited, and count with sign-in failures", async () => {
    const sid = createSession(db, victim.user.id);
    const change = (currentPassword: string) => changePassword(db, as(victim), sid, { currentPassword, newPassword: "a brand new password", confirmPassword: "a brand new password" });
    for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT - 1; i++) await expect(change(`wrong ${i}`)).rejects.toThrow("That is not your current password");
    expect(await signIn(db, victim.user.username, "wrong again", "203.0.113.50")).toBeNull();
    await expect(change(SEED_PASSWORD)).rejects.toThrow(LOCKED);
  });

  it("the consent page's force_login password counts against the signed-in account", async () => {
    for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT; i++) await expect(confirmOwnPassword(db, as(victim), `wrong ${i}`)).rejects.toThrow("That is not your password");
    await expect(confirmOwnPassword(db, as(victim), SEED_PASSWORD)).rejects.toThrow(LOCKED);
  });

  it("the right password clears the account's count", async () => {
    for (let i = 0; i < PASSWORD_FAILURES_PER_ACCOUNT - 1; i++) expect(await signIn(db, victim.user.username, "wrong", address)).toBeNull();
    expect(await signIn(db, victim.user.username, SEED_PASSWORD, address)).not.toBeNull();
    expect(await signIn(db, victim.user.username, "wrong", address)).toBeNull();
    expect(await signIn(db, victim.user.username, SEED_PASSWORD, address)).not.toBeNull();
  });
});

describe("failures count per address", () => {
  it(`${PASSWORD_FAILURES_PER_ADDRESS} wrong passwords from one address, across accounts and kinds of check, block that address only`, { timeout: 120_000 }, async () => {
    const other = await seedDeveloper(db, `other${n}`);
    const bots = [await seedDeveloper(db, `bote${n}`), await seedDeveloper(db, `botf${n}`)];
    for (let i = 0; i < PASSWORD_FAILURES_PER_ADDRESS; i++) {
      if (i < 5) await expect(setManagingAccount(db, as(bots[i % 2]!), { managerUsername: other.user.username, managerPassword: `x${i}` })).rejects.toThrow("not the managing");
      else expect(await signIn(db, `nobody${n}x${i}`, "x", address)).toBeNull();
    }
    await expect(signIn(db, victim.user.username, SEED_PASSWORD, address)).rejects.toThrow(LOCKED_SIGN_IN);
    expect(await signIn(db, victim.user.username, SEED_PASSWORD, "192.0.2.77")).not.toBeNull();
  });
});

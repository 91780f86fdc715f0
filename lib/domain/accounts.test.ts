import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/test-db";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { DomainError } from "./errors";
import { getDeveloperAccount, listDeveloperAccounts, signUpForDeveloperAccess } from "./developer-accounts";
import { changePassword, createSession, endSession, resolveSession } from "./sessions";
import { createUser } from "./users";
import { signIn } from "./password-checks";
import { assertSignInAllowed, recordFailedSignIn } from "./rate-limits";

const USE_CASE = "I am building a bot that posts the daily weather for my town and answers questions about it. ".repeat(2);

let db: Db;
const ADDRESS = "192.0.2.10";
beforeEach(() => {
  db = createTestDb();
});

const signUp = (username: string, email = `${username}@example.com`, password = "correct horse") =>
  createUser(db, { username, name: username, email, password });

describe("sign-up", () => {
  it("makes the first account of a fresh install the operator, and no later one", async () => {
    const first = await signUp("alice");
    const second = await signUp("bob");
    expect(first.isOperator).toBe(true);
    expect(second.isOperator).toBe(false);
  });

  it("refuses a username taken in another case, as a field error, writing nothing", async () => {
    await signUp("Alice");
    const err = await signUp("aLICE", "other@example.com").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).fieldErrors).toEqual({ username: ["That username is taken"] });
    expect(db.select().from(users).all()).toHaveLength(1);
  });

  it("refuses an e-mail taken in another case", async () => {
    await signUp("alice", "Alice@Example.com");
    const err = (await signUp("bob", "alice@example.COM").catch((e: unknown) => e)) as DomainError;
    expect(err.fieldErrors?.email?.[0]).toMatch(/already exists/);
  });

  it("stores a scrypt hash, never the password", async () => {
    await signUp("alice", undefined, "my secret password");
    const row = db.select().from(users).get()!;
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain("my secret password");
  });
});

describe("signIn", () => {
  it("accepts the username (any case, with or without @) or the e-mail", async () => {
    await signUp("alice", "alice@example.com", "pass word 1");
    expect((await signIn(db, "ALICE", "pass word 1", ADDRESS))?.username).toBe("alice");
    expect((await signIn(db, "@alice", "pass word 1", ADDRESS))?.username).toBe("alice");
    expect((await signIn(db, "Alice@Example.com", "pass word 1", ADDRESS))?.username).toBe("alice");
  });

  it("answers null for a wrong password and for an unknown account alike", async () => {
    await signUp("alice", undefined, "pass word 1");
    expect(await signIn(db, "alice", "wrong password", ADDRESS)).toBeNull();
    expect(await signIn(db, "nobody", "pass word 1", ADDRESS)).toBeNull();
  });
});

describe("sessions", () => {
  it("ends when signed out, and only live sessions resolve", async () => {
    const user = await signUp("alice");
    const sid = createSession(db, user.id);
    expect(resolveSession(db, sid)?.userId).toBe(user.id);
    endSession(db, sid);
    expect(resolveSession(db, sid)).toBeNull();
  });

  it("expire", async () => {
    const user = await signUp("alice");
    const sid = createSession(db, user.id, Date.now() - 31 * 24 * 3600 * 1000);
    expect(resolveSession(db, sid)).toBeNull();
  });

  it("changing the password ends every other session, keeps this one, and the new password works", async () => {
    const user = await signUp("alice", undefined, "old password");
    const here = createSession(db, user.id);
    const other1 = createSession(db, user.id);
    const other2 = createSession(db, user.id);
    const actor = resolveSession(db, here)!;
    const res = await changePassword(db, actor, here, {
      currentPassword: "old password",
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect(res.endedSessions).toBe(2);
    expect(resolveSession(db, here)).not.toBeNull();
    expect(resolveSession(db, other1)).toBeNull();
    expect(resolveSession(db, other2)).toBeNull();
    expect(await signIn(db, "alice", "a brand new password", ADDRESS)).not.toBeNull();
    expect(await signIn(db, "alice", "old password", ADDRESS)).toBeNull();
  });

  it("a wrong current password is a field error and changes nothing", async () => {
    const user = await signUp("alice", undefined, "old password");
    const here = createSession(db, user.id);
    createSession(db, user.id);
    const err = (await changePassword(db, resolveSession(db, here)!, here, {
      currentPassword: "nope nope",
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    }).catch((e: unknown) => e)) as DomainError;
    expect(err.fieldErrors?.currentPassword).toBeDefined();
    expect(db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(2);
  });
});

describe("developer access", () => {
  it("creates one personal account on Essential, with the user as its admin", async () => {
    const user = await signUp("alice");
    const actor = { userId: user.id, isOperator: false };
    expect(listDeveloperAccounts(db, actor)).toEqual([]);
    const account = signUpForDeveloperAccess(db, actor, { useCase: USE_CASE, acceptAgreement: true });
    expect(account).toMatchObject({ kind: "personal", tier: "essential", role: "admin" });
    expect(listDeveloperAccounts(db, actor)).toHaveLength(1);
  });

  it("refuses a second personal account", async () => {
    const user = await signUp("alice");
    const actor = { userId: user.id, isOperator: false };
    signUpForDeveloperAccess(db, actor, { useCase: USE_CASE, acceptAgreement: true });
    expect(() => signUpForDeveloperAccess(db, actor, { useCase: USE_CASE, acceptAgreement: true })).toThrow(/already/);
  });

  it("another user's account answers not found", async () => {
    const alice = await signUp("alice");
    const bob = await signUp("bob");
    const account = signUpForDeveloperAccess(db, { userId: alice.id, isOperator: false }, { useCase: USE_CASE, acceptAgreement: true });
    expect(() => getDeveloperAccount(db, { userId: bob.id, isOperator: false }, account.id)).toThrow(/not found/);
  });
});

describe("sign-in rate limit", () => {
  it("blocks an account after 10 failures with a message saying when to retry", async () => {
    const key = `victim-${Math.random()}`;
    for (let i = 0; i < 10; i++) await recordFailedSignIn(key, `10.0.0.${i}`);
    await expect(assertSignInAllowed(key, "10.0.1.1")).rejects.toThrow(/Too many sign-in attempts. Try again in \d+ minutes?/);
  });

  it("blocks an address after 50 failures across accounts", async () => {
    const address = `addr-${Math.random()}`;
    for (let i = 0; i < 50; i++) await recordFailedSignIn(`user${i}-${address}`, address);
    await expect(assertSignInAllowed("someone-else", address)).rejects.toThrow(/Too many/);
    await expect(assertSignInAllowed("someone-else", "other-address")).resolves.toBeUndefined();
  });
});

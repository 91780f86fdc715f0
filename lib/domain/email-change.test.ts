import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, SEED_PASSWORD, type SeededDeveloper } from "@/db/test-seed";
import type { Db } from "@/db/client";
import { outbox, users } from "@/db/schema";
import { changeEmail } from "./email-change";
import type { DomainError } from "./errors";
import { signIn } from "./password-checks";

let db: Db;
let me: SeededDeveloper;

beforeEach(async () => {
  db = createTestDb();
  me = await seedDeveloper(db, "mover");
  await seedDeveloper(db, "other");
});

const fails = async (p: Promise<unknown>) => p.then(() => undefined, (e: DomainError) => e);

describe("change e-mail", () => {
  it("needs the password; a wrong one is a field error and changes nothing", async () => {
    const err = await fails(changeEmail(db, me.actor, { email: "new@example.com", currentPassword: "not it" }));
    expect(err?.fieldErrors).toEqual({ currentPassword: ["That is not your current password"] });
    expect(db.select().from(users).where(eq(users.id, me.user.id)).get()!.email).toBe("mover@example.com");
  });

  it("refuses an address another account has (any case), and the current one", async () => {
    expect((await fails(changeEmail(db, me.actor, { email: "OTHER@example.com", currentPassword: SEED_PASSWORD })))?.fieldErrors).toEqual({
      email: ["An account with that e-mail address already exists"],
    });
    expect((await fails(changeEmail(db, me.actor, { email: "Mover@example.com", currentPassword: SEED_PASSWORD })))?.fieldErrors).toEqual({
      email: ["That is already your e-mail address"],
    });
  });

  it("changes it, tells the old address and greets the new one; sign-in by e-mail follows", async () => {
    await changeEmail(db, me.actor, { email: "moved@example.com", currentPassword: SEED_PASSWORD });
    expect(db.select().from(users).where(eq(users.id, me.user.id)).get()).toMatchObject({ email: "moved@example.com", emailLower: "moved@example.com" });
    const mail = db.select().from(outbox).all();
    expect(mail.map((m) => [m.toEmail, m.subject])).toEqual([
      ["mover@example.com", "Your e-mail address was changed"],
      ["moved@example.com", "This is now your e-mail address"],
    ]);
    expect(mail[0]!.body).toContain("from mover@example.com to moved@example.com");
    expect(await signIn(db, "moved@example.com", SEED_PASSWORD, "127.0.0.1")).toMatchObject({ username: "mover" });
    expect(await signIn(db, "mover@example.com", SEED_PASSWORD, "127.0.0.1")).toBeNull();
  });
});

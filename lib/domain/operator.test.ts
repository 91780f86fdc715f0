import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { createTestDb } from "@/db/test-db";
import { seedApp, seedDeveloper, seedProject, type SeededApp } from "@/db/test-seed";
import { getDb, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { apps, developerAccounts, outbox } from "@/db/schema";
import { deliverPending, kickDelivery, MAX_ATTEMPTS } from "@/lib/mail/deliver";
import { clearStorageTrouble, storageTrouble } from "./storage-health";
import { createApp } from "./apps";
import { listAccountsForOperator, makeOperator, reinstateApp, searchApps, setTier, suspendApp } from "./operator";
import { listOutbox } from "./outbox";

let db: Db;
let owner: SeededApp;
const operator = { userId: "op", isOperator: true };

beforeEach(async () => {
  db = createTestDb();
  owner = await seedApp(db, "owner", { tier: "elevated" });
});

describe("operator console rules", () => {
  it("every operator call answers not found to a non-operator", () => {
    const me = { userId: owner.user.id, isOperator: false };
    expect(() => suspendApp(db, me, { appId: owner.app.id, reason: "Spam everywhere" })).toThrow("Not found");
    expect(() => reinstateApp(db, me, owner.app.id)).toThrow("Not found");
    expect(() => setTier(db, me, { accountId: owner.account.id, tier: "enterprise" })).toThrow("Not found");
    expect(() => searchApps(db, me, "owner")).toThrow("Not found");
  });

  it("suspend sets the tag and reason, and e-mails the owner an Application suspension notice", () => {
    suspendApp(db, operator, { appId: owner.app.id, reason: "Automated spam replies" });
    const app = db.select().from(apps).where(eq(apps.id, owner.app.id)).get()!;
    expect(app).toMatchObject({ status: "suspended", suspendedReason: "Automated spam replies" });
    const [mail] = listOutbox(db);
    expect(mail).toMatchObject({ subject: "Application suspension notice", toEmail: "owner@example.com" });
    expect(mail!.body).toContain("Automated spam replies");
    expect(mail!.body).toContain("https://help.x.com/forms/platform");
    reinstateApp(db, operator, owner.app.id);
    expect(db.select().from(apps).where(eq(apps.id, owner.app.id)).get()).toMatchObject({ status: "active", suspendedReason: null });
  });

  it("lowering a tier moves Apps over the new Project limit to Standalone and tells the owner", () => {
    const projectId = owner.projectId!;
    createApp(db, owner.actor, owner.account.id, { name: "Second", environment: "development", projectId });
    createApp(db, owner.actor, owner.account.id, { name: "Third", environment: "development", projectId });
    const { moved } = setTier(db, operator, { accountId: owner.account.id, tier: "essential" });
    expect(moved.map((m) => m.name)).toEqual(["Second", "Third"]);
    expect(db.select().from(apps).where(eq(apps.projectId, projectId)).all().map((a) => a.name)).toEqual(["owner app"]);
    expect(db.select().from(developerAccounts).where(eq(developerAccounts.id, owner.account.id)).get()!.tier).toBe("essential");
    expect(listOutbox(db)[0]!.body).toContain("Second");
  });

  it("finds Apps by name prefix, App ID and API Key hint", async () => {
    const other = await seedDeveloper(db, "zed");
    seedProject(db, other.account.id);
    createApp(db, other.actor, other.account.id, { name: "Zebra", environment: "development" });
    const names = (q: string) => searchApps(db, operator, q).items.map((a) => a.name);
    expect(names("OWN")).toEqual(["owner app"]);
    expect(names(owner.app.id)).toEqual(["owner app"]);
    const key = owner.secrets.apiKey;
    expect(names(`${key.slice(0, 4)}…${key.slice(-4)}`)).toEqual(["owner app"]);
    expect(names(key)).toEqual(["owner app"]);
    expect(searchApps(db, operator, "").items.length).toBe(2);
  });

  it("makeOperator grants the role by username", () => {
    makeOperator(db, "@owner");
    expect(() => makeOperator(db, "ghost")).toThrow("No account is called @ghost");
  });
});

describe("e-mail delivery", () => {
  const received: Array<{ to: string; data: string }> = [];
  let server: SMTPServer;
  let port = 0;
  let failNext = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (c: Buffer) => (data += c.toString()));
        stream.on("end", () => {
          if (failNext > 0) {
            failNext--;
            return callback(new Error("451 try again later"));
          }
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers queued mail over real SMTP and records the outcome; failures are retried", async () => {
    const config = { smtpUrl: `smtp://127.0.0.1:${port}`, from: "Devportal <no-reply@devportal.test>" };
    suspendApp(db, operator, { appId: owner.app.id, reason: "Automated spam replies" });
    failNext = 1;
    expect(await deliverPending(db, config)).toBe(0);
    expect(db.select().from(outbox).get()).toMatchObject({ status: "failed", attempts: 1 });
    expect(await deliverPending(db, config)).toBe(1);
    expect(db.select().from(outbox).get()).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(received[0]!.to).toBe("owner@example.com");
    expect(received[0]!.data).toContain("Subject: Application suspension notice");
  });

  it("gives up after the last attempt", async () => {
    const config = { smtpUrl: `smtp://127.0.0.1:${port}`, from: "x@devportal.test" };
    suspendApp(db, operator, { appId: owner.app.id, reason: "Automated spam replies" });
    failNext = MAX_ATTEMPTS;
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await deliverPending(db, config);
    expect(db.select().from(outbox).get()).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    failNext = 0;
  });

  it("delivery follows the queue by itself: no caller triggers it", async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    try {
      const live = getDb();
      migrateDatabase(live);
      const seeded = await seedApp(live, "queued", { tier: "elevated" });
      const before = received.length;
      suspendApp(live, operator, { appId: seeded.app.id, reason: "Automated spam replies" });
      await vi.waitFor(() => expect(received.length).toBe(before + 1), { timeout: 5000, interval: 20 });
      expect(received.at(-1)!.to).toBe("queued@example.com");
      await vi.waitFor(() => expect(live.select().from(outbox).where(eq(outbox.toEmail, "queued@example.com")).get()!.status).toBe("sent"));
    } finally {
      delete process.env.SMTP_URL;
    }
  });

  it("a background delivery pass survives a storage failure: recorded for /api/health, the mail stays in the outbox (no unhandled rejection)", async () => {
    suspendApp(db, operator, { appId: owner.app.id, reason: "Automated spam replies" });
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    db.$client.pragma("query_only = ON");
    try {
      kickDelivery(db);
      await vi.waitUntil(() => storageTrouble() !== null, { timeout: 10_000 });
    } finally {
      db.$client.pragma("query_only = OFF");
      delete process.env.SMTP_URL;
    }
    expect(storageTrouble()).toMatchObject({ kind: "read_only" });
    clearStorageTrouble();
    expect(db.select().from(outbox).get()).toMatchObject({ status: "stored", attempts: 0 });
  });

  it("does nothing without SMTP_URL: the outbox keeps the mail", async () => {
    suspendApp(db, operator, { appId: owner.app.id, reason: "Automated spam replies" });
    expect(await deliverPending(db, null)).toBe(0);
    expect(db.select().from(outbox).get()!.status).toBe("stored");
  });
});

describe("account search", () => {
  it("matches names containing LIKE wildcards literally", async () => {
    await seedDeveloper(db, "a_b");
    await seedDeveloper(db, "axb");
    expect(listAccountsForOperator(db, operator, "@a_b").items.map((a) => a.name)).toEqual(["@a_b"]);
  });

  it("counts each account's Apps (in Projects and standalone)", async () => {
    const zed = await seedDeveloper(db, "zed");
    await seedDeveloper(db, "none");
    createApp(db, owner.actor, owner.account.id, { name: "Second", environment: "development" });
    createApp(db, zed.actor, zed.account.id, { name: "Zed one", environment: "development" });
    const counts = Object.fromEntries(listAccountsForOperator(db, operator).items.map((a) => [a.name, a.apps]));
    expect(counts).toEqual({ "@owner": 2, "@zed": 1, "@none": 0 });
  });
});

describe("operator lists page by page", () => {
  it("says there is another page only when there is one", async () => {
    const zed = await seedDeveloper(db, "zed", "enterprise");
    for (const n of ["A", "B"]) createApp(db, zed.actor, zed.account.id, { name: `Zed ${n}`, environment: "development" });
    expect(searchApps(db, operator, "", 1, 3)).toMatchObject({ page: 1, hasMore: false });
    expect(searchApps(db, operator, "", 1, 3).items).toHaveLength(3);
    expect(searchApps(db, operator, "", 1, 2)).toMatchObject({ hasMore: true });
    expect(searchApps(db, operator, "", 2, 2)).toMatchObject({ page: 2, hasMore: false });
    expect(searchApps(db, operator, "", 2, 2).items).toHaveLength(1);
    expect(searchApps(db, operator, "", 3, 2).items).toEqual([]);
    expect(listAccountsForOperator(db, operator, "", 1, 2)).toMatchObject({ hasMore: false });
    expect(listAccountsForOperator(db, operator, "", 1, 1)).toMatchObject({ hasMore: true });
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { createTestDb } from "@/db/test-db";
import { seedDeveloper, type SeededDeveloper } from "@/db/test-seed";
import type { Db } from "@/db/client";
import { apps, auditLog, credentials, developerAccounts, projects } from "@/db/schema";
import { createApp, deleteApp } from "./apps";
import { appDetailsVersion, updateAppDetails } from "./app-details";
import { attachApp, detachApp } from "./app-placement";
import { findAppByBearer, findConsumer } from "./app-credentials";
import { getAppIcon, normalizeIcon, setAppIcon } from "./app-icons";
import { accountOverview } from "./overview";
import { createProject, deleteProject, projectVersion, updateProject } from "./projects";

let db: Db;
let alice: SeededDeveloper;
let bob: SeededDeveloper;

beforeEach(async () => {
  db = createTestDb();
  alice = await seedDeveloper(db, "alice");
  bob = await seedDeveloper(db, "bob");
});

const project = (dev: SeededDeveloper, name = "Main") =>
  createProject(db, dev.actor, { accountId: dev.account.id, name, description: "desc", useCase: "exploring-the-api" });
const app = (dev: SeededDeveloper, name: string, projectId?: string) =>
  createApp(db, dev.actor, dev.account.id, { name, environment: "development", projectId });
const setTier = (dev: SeededDeveloper, tier: "elevated" | "academic" | "enterprise") =>
  db.update(developerAccounts).set({ tier }).where(eq(developerAccounts.id, dev.account.id)).run();

const details = (appId: string, over: Partial<Parameters<typeof updateAppDetails>[2]> = {}) => ({
  appId,
  version: appDetailsVersion(db.select().from(apps).where(eq(apps.id, appId)).get()!),
  name: "Renamed",
  description: "An app",
  websiteUrl: "https://example.com",
  callbackUrls: [{ url: "https://example.com/cb" }],
  termsUrl: "",
  privacyUrl: "",
  organizationName: "Example",
  organizationUrl: "https://example.com",
  useCase: "Posting",
  ...over,
});

describe("access tiers", () => {
  it("Essential: one Project, then the limit names the tier that lifts it", () => {
    project(alice);
    expect(() => project(alice, "Second")).toThrow("You have 1 of 1 Project on Essential access. Upgrade to Academic Research access to get more.");
  });

  it("Elevated: three Apps per Project; Academic: two Projects", () => {
    setTier(alice, "elevated");
    const p = project(alice);
    for (const n of ["A", "B", "C"]) app(alice, n, p.id);
    expect(() => app(alice, "D", p.id)).toThrow(/already has 3 of 3 Apps on Elevated access. Upgrade to Enterprise/);
    setTier(alice, "academic");
    expect(project(alice, "Academic").name).toBe("Academic");
  });

  it("ten Apps in all, counting standalone ones", () => {
    for (let i = 0; i < 10; i++) app(alice, `App ${i}`);
    expect(() => app(alice, "Eleven")).toThrow(/limit of 10 Apps in all on Essential access. Upgrade to Enterprise/);
  });
});

describe("Projects", () => {
  it("edit records what changed in the audit log", () => {
    const p = project(alice);
    updateProject(db, alice.actor, { projectId: p.id, version: projectVersion(p), name: "Renamed", description: "desc", useCase: "exploring-the-api" });
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "project.update")).get();
    expect(entry?.details).toEqual({ changed: ["name"] });
  });

  it("a save from a form opened before another save is refused with the saved values", () => {
    const p = project(alice);
    updateProject(db, alice.actor, { projectId: p.id, version: projectVersion(p), description: "From tab A" });
    expect(() => updateProject(db, alice.actor, { projectId: p.id, version: projectVersion(p), name: "From tab B" })).toThrow("This Project changed since you opened it");
    expect(db.select().from(projects).where(eq(projects.id, p.id)).get()).toMatchObject({ name: "Main", description: "From tab A" });
  });

  it("delete moves its Apps to Standalone, keeping their credentials", () => {
    const p = project(alice);
    const created = app(alice, "Kept", p.id);
    const { movedApps } = deleteProject(db, alice.actor, p.id);
    expect(movedApps).toEqual([{ id: created.app.id, name: "Kept" }]);
    expect(db.select().from(apps).where(eq(apps.id, created.app.id)).get()?.projectId).toBeNull();
    expect(findConsumer(db, created.secrets.apiKey)?.app.id).toBe(created.app.id);
    expect(db.select().from(projects).all()).toHaveLength(0);
  });

  it("another account's Project answers not found for every action", () => {
    const p = project(alice);
    expect(() => updateProject(db, bob.actor, { projectId: p.id, version: projectVersion(p), name: "x", description: "", useCase: "other" })).toThrow("Project not found");
    expect(() => deleteProject(db, bob.actor, p.id)).toThrow("Project not found");
    expect(() => createProject(db, bob.actor, { accountId: alice.account.id, name: "x", description: "", useCase: "other" })).toThrow("not found");
  });
});

describe("attach and detach", () => {
  it("attaches a standalone App when there is room, and moves it back out", () => {
    const p = project(alice);
    const standalone = app(alice, "Loose");
    expect(attachApp(db, alice.actor, { appId: standalone.app.id, projectId: p.id }).projectId).toBe(p.id);
    expect(detachApp(db, alice.actor, standalone.app.id).projectId).toBeNull();
  });

  it("refuses when the Project is full", () => {
    const p = project(alice);
    app(alice, "Inside", p.id);
    const loose = app(alice, "Loose");
    expect(() => attachApp(db, alice.actor, { appId: loose.app.id, projectId: p.id })).toThrow(/already has 1 of 1 App/);
  });

  it("cannot attach another account's App or into another account's Project", () => {
    const pa = project(alice);
    const pb = project(bob);
    const bobs = app(bob, "Bobs");
    const alices = app(alice, "Alices");
    expect(() => attachApp(db, alice.actor, { appId: bobs.app.id, projectId: pa.id })).toThrow("App not found");
    expect(() => attachApp(db, alice.actor, { appId: alices.app.id, projectId: pb.id })).toThrow("Project not found");
    expect(() => detachApp(db, bob.actor, alices.app.id)).toThrow("App not found");
  });
});

describe("App details", () => {
  it("saves every field and audits the changed ones", () => {
    const { app: a } = app(alice, "Original");
    const saved = updateAppDetails(db, alice.actor, details(a.id)).app;
    expect(saved).toMatchObject({ name: "Renamed", nameLower: "renamed", callbackUrls: ["https://example.com/cb"], organizationName: "Example" });
    const entry = db.select().from(auditLog).where(eq(auditLog.action, "app.update")).get();
    expect((entry?.details as { changed: string[] }).changed).toContain("callbackUrls");
    expect(JSON.stringify(entry?.details)).not.toMatch(/secret/i);
  });

  it("a name taken in another case by someone else is a field error", () => {
    app(bob, "Taken Name");
    const { app: a } = app(alice, "Mine");
    expect(() => updateAppDetails(db, alice.actor, details(a.id, { name: "TAKEN name" }))).toThrow("That App name is taken");
  });

  it("keeps at least one callback URL while user authentication is on", () => {
    const { app: a } = app(alice, "Mine");
    db.update(apps).set({ oauth2Enabled: true }).where(eq(apps.id, a.id)).run();
    expect(() => updateAppDetails(db, alice.actor, details(a.id, { callbackUrls: [] }))).toThrow("Check the highlighted fields");
  });

  it("another user cannot change it", () => {
    const { app: a } = app(alice, "Mine");
    expect(() => updateAppDetails(db, bob.actor, details(a.id))).toThrow("App not found");
  });
});

describe("delete an App", () => {
  it("needs the exact name, then stops every credential and frees the name", () => {
    const created = app(alice, "Doomed");
    expect(() => deleteApp(db, alice.actor, { appId: created.app.id, confirmName: "doomed" })).toThrow("Type the App's name to confirm");
    deleteApp(db, alice.actor, { appId: created.app.id, confirmName: "Doomed" });
    expect(findConsumer(db, created.secrets.apiKey)).toBeNull();
    expect(findAppByBearer(db, created.secrets.bearerToken)).toBeNull();
    expect(db.select().from(credentials).all()).toHaveLength(0);
    expect(app(bob, "doomed").app.name).toBe("doomed");
  });

  it("another user gets not found", () => {
    const created = app(alice, "Mine");
    expect(() => deleteApp(db, bob.actor, { appId: created.app.id, confirmName: "Mine" })).toThrow("App not found");
  });
});

describe("icons", () => {
  const image = (format: "png" | "jpeg" | "webp" | "gif", w = 300, h = 200) =>
    sharp({ create: { width: w, height: h, channels: 3, background: "#1d9bf0" } })[format]().toBuffer();

  it.each(["png", "jpeg", "webp", "gif"] as const)("re-encodes a %s to a 400×400 PNG", async (format) => {
    const out = await normalizeIcon(await image(format));
    const meta = await sharp(out).metadata();
    expect(meta).toMatchObject({ format: "png", width: 400, height: 400 });
  });

  it("refuses non-images by content, whatever they are called, and files over 1 MB", async () => {
    await expect(normalizeIcon(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).rejects.toThrow(/not an image|PNG, JPEG/);
    await expect(normalizeIcon(Buffer.from("%PDF-1.4 hello"))).rejects.toThrow(/not an image/);
    await expect(normalizeIcon(Buffer.alloc(1024 * 1024 + 1, 1))).rejects.toThrow("Icons can be at most 1 MB");
  });

  it("stores the icon and bumps the version; strangers cannot set it", async () => {
    const { app: a } = app(alice, "Iconic");
    expect(await setAppIcon(db, alice.actor, a.id, await image("png"))).toBe(1);
    expect(getAppIcon(db, a.id)?.subarray(1, 4).toString()).toBe("PNG");
    await expect(setAppIcon(db, bob.actor, a.id, await image("png"))).rejects.toThrow("App not found");
  });
});

describe("dashboard overview", () => {
  it("lists Projects with their Apps and pages Standalone Apps", () => {
    setTier(alice, "enterprise");
    const p = project(alice);
    app(alice, "In project", p.id);
    for (let i = 0; i < 25; i++) app(alice, `Loose ${i}`);
    const first = accountOverview(db, alice.actor, alice.account.id, 1);
    expect(first.projects[0]?.apps.map((a) => a.name)).toEqual(["In project"]);
    expect(first.usage).toEqual({ projects: 1, apps: 26, standaloneApps: 25 });
    expect(first.standalone.items).toHaveLength(20);
    expect(first.standalone.pageCount).toBe(2);
    expect(accountOverview(db, alice.actor, alice.account.id, 2).standalone.items).toHaveLength(5);
    expect(() => accountOverview(db, bob.actor, alice.account.id)).toThrow("not found");
  });
});

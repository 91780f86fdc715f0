import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedApp } from "@/db/test-seed";
import { resolveBearer } from "@/lib/domain/oauth2/resolve";
import { keyMaterial, secretsFile } from "@/lib/credentials/keys";
import { startPlatformProcess } from "./test-server";

/**
 * A database file that cannot be written when the server starts (issue 16: it started, said
 * ready, and kept failing writes after the file became writable, until a restart). The platform
 * runs in its own process; file permissions stop it from writing — as another user when this test
 * runs as root, since root ignores them.
 */
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-read-only-"));
const file = path.join(dir, "devportal.sqlite");
let platform: Awaited<ReturnType<typeof startPlatformProcess>> | undefined;

afterAll(async () => {
  await platform?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sets the mode of the database and its -wal/-shm files (what a read-only mount does to them all). */
const chmodDatabase = (mode: number) => {
  for (const f of fs.readdirSync(dir).filter((n) => n.startsWith("devportal.sqlite"))) fs.chmodSync(path.join(dir, f), mode);
};

describe("a database that cannot be written at start", () => {
  it("starts degraded and says so, serves reads, answers writes 503, and takes writes once the file is writable, without a restart", async () => {
    keyMaterial();
    fs.copyFileSync(secretsFile(), path.join(dir, "secrets.json"));
    const db = openDatabase(file);
    migrateDatabase(db);
    const seeded = await seedApp(db, "rostart");
    db.$client.close(); // checkpoints: the file alone holds everything
    if (asRoot) for (const f of [dir, ...fs.readdirSync(dir).map((n) => path.join(dir, n))]) fs.chownSync(f, NOBODY, NOBODY);
    chmodDatabase(0o444);

    platform = await startPlatformProcess(dir, asRoot ? { uid: NOBODY, gid: NOBODY } : {});
    const url = (p: string) => `${platform!.base}${p}`;
    const health = async () => (await (await fetch(url("/api/health"))).json()) as { status: string; storage?: Record<string, unknown> };
    expect(platform.output()).toMatch(/the database cannot be written \(SQLITE_READONLY/);
    expect(await health()).toMatchObject({ status: "degraded", storage: { writable: false, reason: "read_only" } });

    const read = await fetch(url(`/2/users/${seeded.user.id}`), { headers: { authorization: `Bearer ${seeded.secrets.bearerToken}` } });
    expect(read.status, "reads work").toBe(200);
    const basic = `Basic ${Buffer.from(`${seeded.secrets.apiKey}:${seeded.secrets.apiKeySecret}`).toString("base64")}`;
    const invalidate = () =>
      fetch(url("/oauth2/invalidate_token"), {
        method: "POST",
        headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ access_token: seeded.secrets.bearerToken }),
      });
    const refused = await invalidate();
    expect([refused.status, refused.headers.get("retry-after"), await refused.json()]).toEqual([503, "30", { errors: [{ code: 130, message: expect.any(String) }] }]);

    chmodDatabase(0o644); // the mount became writable
    let status = "";
    for (let i = 0; i < 100 && status !== "ok"; i++) {
      status = (await health()).status;
      if (status !== "ok") await new Promise((r) => setTimeout(r, 100));
    }
    expect(status, "healthy again without a restart").toBe("ok");
    const done = await invalidate();
    expect(done.status).toBe(200);
    await platform.close();
    platform = undefined;
    const after = openDatabase(file);
    expect(resolveBearer(after, seeded.secrets.bearerToken), "the write was stored").toBeNull();
    after.$client.close();
  });
});

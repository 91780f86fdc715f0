import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { tweets } from "@/db/schema";
import { keyMaterial, secretsFile } from "@/lib/credentials/keys";
import { call } from "./routes/api-test-support";
import { startPlatformProcess } from "./test-server";
import { bodyOf, platformWrites, seedWriteFixture, UNAVAILABLE, type WriteFixture } from "./storage-test-support";

/**
 * A full disk on the real platform: it runs in its own process under a file-size limit, so its
 * WAL appends fail at COMMIT (SQLITE_IOERR_WRITE), after the statement ran — the failure that
 * `INSERT … RETURNING` + get() used to hide (issue 16: 177,126 Tweets acknowledged, 96 stored).
 * This test process has no limit: it seeds, checks what was stored, and frees the space.
 */
const LIMIT = 1024 * 1024;

let dir: string;
let db: Db;
let platform: Awaited<ReturnType<typeof startPlatformProcess>>;
let f: WriteFixture;
const url = (p: string) => `${platform.base}${p}`;
const health = async () => (await (await fetch(url("/api/health"))).json()) as { status: string; storage?: Record<string, unknown> };
/** Checkpoints and empties the WAL: the platform's next commits have the whole limit to fill again. */
const freeSpace = () => db.$client.pragma("wal_checkpoint(TRUNCATE)");

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-full-disk-"));
  keyMaterial();
  fs.copyFileSync(secretsFile(), path.join(dir, "secrets.json"));
  db = openDatabase(path.join(dir, "devportal.sqlite"));
  migrateDatabase(db);
  platform = await startPlatformProcess(dir, { fileSizeLimit: LIMIT });
  freeSpace();
  f = await seedWriteFixture(db, platform.base);
  freeSpace();
}, 60_000);

afterAll(async () => {
  await platform?.close();
  db?.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the platform on a full disk", () => {
  it("acknowledges only what it stored, answers 503 in each family's shape, reports degraded, serves reads, and recovers when there is room", async () => {
    const acked: string[] = [];
    const refusals: Array<[number, string | null, boolean]> = [];
    const post = async (i: number) => {
      const res = await call("POST", url("/2/tweets"), { bearer: f.o2.access }, { text: `filling the disk ${i} ${"x".repeat(250)}` });
      const body = await bodyOf(res);
      if (res.status === 201) acked.push((body.data as { id: string }).id);
      else refusals.push([res.status, res.headers.get("retry-after"), UNAVAILABLE.v2(body)]);
    };
    // Until 10 refusals (the user's Tweet rate limit, 200, would end it too: the disk fills first).
    for (let i = 0; refusals.length < 10; i += 4) await Promise.all([0, 1, 2, 3].map((k) => post(i + k)));
    const stored = new Set(db.select({ id: tweets.id }).from(tweets).all().map((t) => t.id));
    expect(acked.filter((id) => !stored.has(id)).length, "Tweets acknowledged but not stored").toBe(0);
    expect(acked.length, "Tweets were stored before the disk filled").toBeGreaterThan(0);
    expect(new Set(refusals.map((r) => JSON.stringify(r))), "every refusal: 503, Retry-After, v2 problem").toEqual(new Set([JSON.stringify([503, "30", true])]));

    expect(await health()).toMatchObject({ status: "degraded", storage: { writable: false, reason: "io", error: expect.stringMatching(/^SQLITE_IOERR/) } });
    expect((await call("GET", url(`/2/tweets/${acked.at(-1)}`), { bearer: f.o2.access })).status, "reads keep working").toBe(200);
    expect((await call("GET", url("/2/users/me"), { bearer: f.spare })).status).toBe(200);

    const outcomes: Record<string, string> = {};
    for (const w of platformWrites(f, platform.base)) {
      const res = await w.send();
      const body = await bodyOf(res);
      if (res.status < 300) {
        expect(w.stored(db, body), `${w.name} answered ${res.status} for something it did not store`).toBe(true);
        outcomes[w.name] = "stored";
      } else {
        expect([w.name, res.status, res.headers.get("retry-after"), UNAVAILABLE[w.family](body)], JSON.stringify(body)).toEqual([w.name, 503, expect.stringMatching(/^\d+$/), true]);
        outcomes[w.name] = "refused";
      }
    }
    expect(Object.values(outcomes).filter((o) => o === "refused").length, JSON.stringify(outcomes)).toBeGreaterThan(10);

    freeSpace();
    let status = "";
    for (let i = 0; i < 100 && status !== "ok"; i++) {
      status = (await health()).status;
      if (status !== "ok") await new Promise((r) => setTimeout(r, 100));
    }
    expect(status, "healthy again once there is room").toBe("ok");
    const after = await call("POST", url("/2/tweets"), { bearer: f.spare }, { text: "room again" });
    const id = ((await bodyOf(after)).data as { id: string }).id;
    expect(db.select({ id: tweets.id }).from(tweets).all().map((t) => t.id)).toContain(id);
  });
});

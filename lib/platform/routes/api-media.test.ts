import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { PublicUser } from "@/lib/domain/users";
import { answer, answerWithLimits, call, oauth1Token, oauth2Token, seedApiApp, seedUser, startPlatform, type ApiApp, type Auth } from "./api-test-support";
import { oauth1aClient } from "./oauth1-test-support";

let platform: { base: string; close: () => Promise<void> };
let app: ApiApp;
let writer: PublicUser;
let png: Buffer;
let jpeg: Buffer;
const auth: Record<string, Auth> = {};
const url = (path: string) => `${platform.base}${path}`;

const OAUTH1_PERMISSIONS = {
  title: "Forbidden",
  status: 403,
  detail: "Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.",
  type: "https://api.twitter.com/2/problems/oauth1-permissions",
};
const SCOPE_FORBIDDEN = { title: "Forbidden", type: "about:blank", status: 403, detail: "Forbidden" };

/** A multipart request as an uploader sends it: OAuth 1.0a signed without the body (RFC 5849: only form bodies are signed), or a bearer token. */
function upload(path: string, who: Auth, fields: Record<string, string | Buffer>): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") form.append(k, v);
    else form.append(k, new Blob([new Uint8Array(v)]), "blob");
  }
  const headers: Record<string, string> = {};
  if (who && "oauth1" in who) Object.assign(headers, oauth1aClient(who.oauth1.consumer).sign("POST", url(path), {}, who.oauth1.token)[1].headers);
  else if (who) headers.authorization = `Bearer ${who.bearer}`;
  return fetch(url(path), { method: "POST", headers, body: form });
}

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  app = await seedApiApp(db, "media");
  writer = await seedUser(db, "medw");
  const reader = await seedUser(db, "medr");
  auth.o1Write = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, writer.id, "write") } };
  auth.o1Read = { oauth1: { consumer: app.consumer, token: await oauth1Token(db, platform.base, app, reader.id, "read") } };
  auth.o2Media = { bearer: await oauth2Token(db, platform.base, app, writer.id, "tweet.read tweet.write users.read media.write") };
  auth.o2NoMedia = { bearer: await oauth2Token(db, platform.base, app, reader.id, "tweet.read tweet.write users.read") };
  png = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#1d9bf0" } }).png().toBuffer();
  jpeg = await sharp({ create: { width: 30, height: 60, channels: 3, background: "#000" } }).jpeg().toBuffer();
});
afterAll(() => platform.close());

describe("v1.1 media/upload.json (upload.x.com's paths on this host)", () => {
  it("INIT → 202, APPEND → 204 per chunk, FINALIZE → 201 with the re-encoded image; numeric media_id as on X", async () => {
    const init = await upload("/1.1/media/upload.json", auth.o1Write!, { command: "INIT", total_bytes: String(png.length), media_type: "image/png" });
    expect(init.status).toBe(202);
    const text = await init.text();
    const id = (JSON.parse(text) as { media_id_string: string }).media_id_string;
    expect(text).toContain(`"media_id":${id},`);
    expect(JSON.parse(text)).toMatchObject({ media_key: `3_${id}`, expires_after_secs: 86400 });
    const half = Math.ceil(png.length / 2);
    for (const [i, chunk] of [png.subarray(0, half), png.subarray(half)].entries()) {
      const res = await upload("/1.1/media/upload.json", auth.o1Write!, { command: "APPEND", media_id: id, segment_index: String(i), media: chunk });
      expect(res.status).toBe(204);
    }
    const fin = await upload("/1.1/media/upload.json", auth.o1Write!, { command: "FINALIZE", media_id: id });
    expect(fin.status).toBe(201);
    expect(fin.headers.get("x-rate-limit-limit")).toBe("500");
    expect(await fin.json()).toMatchObject({ media_id_string: id, image: { image_type: "image/png", w: 40, h: 20 } });
  });

  it("the simple upload (media_data base64), size and type checks, and OAuth 1.0a write only", async () => {
    const simple = await upload("/1.1/media/upload.json", auth.o1Write!, { media_data: jpeg.toString("base64") });
    expect([simple.status, await simple.json()]).toEqual([200, expect.objectContaining({ image: { image_type: "image/jpeg", w: 30, h: 60 } })]);
    const tooBig = await upload("/1.1/media/upload.json", auth.o1Write!, { command: "INIT", total_bytes: String(6 * 1024 * 1024), media_type: "image/png" });
    expect([tooBig.status, await tooBig.json()]).toEqual([400, { errors: [{ code: 324, message: "File size exceeds 5242880 bytes." }] }]);
    const notImage = await upload("/1.1/media/upload.json", auth.o1Write!, { media: Buffer.from("not an image at all") });
    expect(notImage.status).toBe(400);
    const read = await upload("/1.1/media/upload.json", auth.o1Read!, { media_data: png.toString("base64") });
    expect([read.status, await read.json()]).toEqual([403, { errors: [{ code: 261, message: "Your App cannot perform write actions." }] }]);
    expect((await upload("/1.1/media/upload.json", auth.o2Media!, { media_data: png.toString("base64") })).status).toBe(403); // v1.1: OAuth 1.0a only
  });
});

describe("v2 media upload and media on Tweets", () => {
  it("initialize / append / finalize, then POST /2/tweets with media.media_ids; expansions show the image, which is served", async () => {
    const init = await answerWithLimits(await call("POST", url("/2/media/upload/initialize"), auth.o2Media!, { media_type: "image/jpeg", total_bytes: jpeg.length, media_category: "tweet_image" }));
    expect([init.status, init.limits.limit]).toEqual([200, "1875"]);
    const id = (init.body.data as { id: string }).id;
    expect((await upload(`/2/media/upload/${id}/append`, auth.o2Media!, { segment_index: "0", media: jpeg })).status).toBe(200);
    const fin = await answer(await call("POST", url(`/2/media/upload/${id}/finalize`), auth.o2Media!));
    expect(fin.body.data).toMatchObject({ id, media_key: `3_${id}`, image: { image_type: "image/jpeg", w: 30, h: 60 } });
    const status = await answer(await call("GET", url(`/2/media/upload?command=STATUS&media_id=${id}`), auth.o2Media!));
    expect(status.body.data).toMatchObject({ processing_info: { state: "succeeded", progress_percent: 100 } });

    const simple = await answer(await upload("/2/media/upload", auth.o2Media!, { media: png, media_category: "tweet_image" }));
    const id2 = (simple.body.data as { id: string }).id;
    const tweet = await answer(await call("POST", url("/2/tweets"), auth.o1Write!, { text: "two pictures", media: { media_ids: [id, id2] } }));
    expect(tweet.status).toBe(201);
    const read = await answer(
      await call("GET", url(`/2/tweets/${(tweet.body.data as { id: string }).id}?tweet.fields=attachments&expansions=attachments.media_keys&media.fields=url,width,height,type`), auth.o2Media!),
    );
    expect(read.body.data).toMatchObject({ attachments: { media_keys: [`3_${id}`, `3_${id2}`] } });
    const media = (read.body.includes as { media: { media_key: string; url: string; width: number }[] }).media;
    expect(media.map((m) => [m.media_key, m.width]).sort()).toEqual([[`3_${id}`, 30], [`3_${id2}`, 40]].sort());
    const image = await fetch(media.find((m) => m.media_key === `3_${id2}`)!.url);
    expect([image.status, image.headers.get("content-type")]).toEqual([200, "image/png"]);
    expect((await fetch(url(`/media/${id2}.jpg`))).status).toBe(404); // a PNG is served as .png only
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(40);
  });

  it("media ids must be the author's, finalized; refusals: no media.write, a Read token", async () => {
    const other = await answer(await call("POST", url("/2/media/upload/initialize"), auth.o2Media!, { media_type: "image/png", total_bytes: png.length }));
    const pendingId = (other.body.data as { id: string }).id;
    const bad = await answer(await call("POST", url("/2/tweets"), auth.o1Write!, { text: "pending", media: { media_ids: [pendingId] } }));
    expect([bad.status, bad.body.errors]).toEqual([400, [{ message: "Your media IDs are invalid." }]]);
    expect((await answer(await upload("/2/media/upload", auth.o2NoMedia!, { media: png }))).body).toEqual(SCOPE_FORBIDDEN);
    expect((await answer(await upload("/2/media/upload", auth.o1Read!, { media: png }))).body).toEqual(OAUTH1_PERMISSIONS);
    expect((await answer(await call("POST", url("/2/media/upload/initialize"), auth.o2NoMedia!, { media_type: "image/png", total_bytes: 10 }))).body).toEqual(SCOPE_FORBIDDEN);
    const wrongSize = await answer(await call("POST", url(`/2/media/upload/${pendingId}/finalize`), auth.o2Media!));
    expect([wrongSize.status, (wrongSize.body.errors as { message: string }[])[0]!.message]).toEqual([400, expect.stringMatching(/^Segments do not add up/)]);
  });

  it("bodies up to 8 MiB on the upload routes only; the other API routes keep 64 KiB", async () => {
    const big = Buffer.alloc(100 * 1024, 1);
    const res = await answer(await upload("/2/media/upload", auth.o2Media!, { media: big }));
    expect([res.status, (res.body.errors as { message: string }[])[0]!.message]).toEqual([400, "media type unrecognized."]);
    const tweet = await answer(await call("POST", url("/2/tweets"), auth.o1Write!, { text: "x".repeat(100 * 1024) }));
    expect([tweet.status, tweet.body.errors]).toEqual([400, [{ message: "Request body is too large." }]]);
  });
});

import { and, asc, eq, lt, sql } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/db/client";
import type { DbOrTx } from "@/db/types";
import { media, mediaChunks } from "@/db/schema";
import { snowflake } from "./ids";

/** X's image limits: 5 MB, JPEG, PNG, GIF or WebP; media ids may be attached for 24 hours. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MEDIA_TTL_S = 24 * 60 * 60;
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"] as const;
export const IMAGE_CATEGORIES = ["tweet_image", "tweet_gif", "dm_image", "dm_gif", "amplify_image", "subtitles"] as const;
const MAX_SEGMENTS = 1000;
const MAX_SIDE = 8192;

export type MediaRow = typeof media.$inferSelect;

/** Why an upload step was refused; the API words it as X does on each version. */
export class MediaRefused extends Error {
  constructor(
    readonly reason: "not_found" | "bad_type" | "too_large" | "bad_segment" | "size_mismatch" | "not_image" | "state",
    message: string,
  ) {
    super(message);
    this.name = "MediaRefused";
  }
}

const mine = (db: DbOrTx, userId: string, id: string) =>
  db.select().from(media).where(and(eq(media.id, id), eq(media.ownerUserId, userId))).get() ?? null;

/** INIT: announces an image of `totalBytes` (≤ 5 MB) and type; chunks follow with APPEND. */
export function initUpload(db: DbOrTx, input: { userId: string; appId: string; mediaType: string; totalBytes: number; category?: string }, now = Date.now()): MediaRow {
  if (!(IMAGE_TYPES as readonly string[]).includes(input.mediaType.toLowerCase())) throw new MediaRefused("bad_type", "media type unrecognized.");
  if (!Number.isInteger(input.totalBytes) || input.totalBytes < 1) throw new MediaRefused("too_large", "total_bytes must be a positive number of bytes.");
  if (input.totalBytes > MAX_IMAGE_BYTES) throw new MediaRefused("too_large", `File size exceeds ${MAX_IMAGE_BYTES} bytes.`);
  const row: MediaRow = {
    id: snowflake(now),
    ownerUserId: input.userId,
    appId: input.appId,
    mediaType: input.mediaType.toLowerCase(),
    mediaCategory: input.category ?? "tweet_image",
    totalBytes: input.totalBytes,
    state: "pending",
    width: null,
    height: null,
    image: null,
    imageType: null,
    createdAt: now,
    expiresAt: now + MEDIA_TTL_S * 1000,
  };
  // Uploads never finalized are dropped once expired (chunks cascade), so abandoned ones do not pile up.
  db.delete(media).where(and(lt(media.expiresAt, now), eq(media.state, "pending"))).run();
  db.insert(media).values(row).run();
  return row;
}

/** APPEND: one chunk (segment 0–999) of a pending upload of the user's; the chunks may not exceed the announced size. */
export function appendChunk(db: DbOrTx, input: { userId: string; mediaId: string; segmentIndex: number; data: Buffer }): void {
  db.transaction((tx) => {
    const row = mine(tx, input.userId, input.mediaId);
    if (!row) throw new MediaRefused("not_found", "Invalid or expired media_id.");
    if (row.state !== "pending") throw new MediaRefused("state", "This media is already finalized.");
    if (!Number.isInteger(input.segmentIndex) || input.segmentIndex < 0 || input.segmentIndex >= MAX_SEGMENTS) throw new MediaRefused("bad_segment", "Segment index must be between 0 and 999.");
    const stored = tx.select({ n: sql<number>`coalesce(sum(length(${mediaChunks.data})), 0)` }).from(mediaChunks).where(eq(mediaChunks.mediaId, row.id)).get()!.n;
    if (stored + input.data.length > row.totalBytes) throw new MediaRefused("too_large", `File size exceeds ${row.totalBytes} bytes.`);
    tx.insert(mediaChunks)
      .values({ mediaId: row.id, segmentIndex: input.segmentIndex, data: input.data })
      .onConflictDoUpdate({ target: [mediaChunks.mediaId, mediaChunks.segmentIndex], set: { data: input.data } })
      .run();
  });
}

/** The image re-encoded: PNG for PNG, GIF and WebP (first frame), JPEG for JPEG; EXIF orientation applied, metadata dropped. */
export async function reencodeImage(bytes: Buffer): Promise<{ image: Buffer; imageType: "png" | "jpeg"; width: number; height: number }> {
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: 50_000_000 }).metadata()).format;
  } catch {
    throw new MediaRefused("not_image", "media type unrecognized.");
  }
  if (!format || !["jpeg", "png", "gif", "webp"].includes(format)) throw new MediaRefused("not_image", "media type unrecognized.");
  try {
    const pipeline = sharp(bytes, { animated: false, limitInputPixels: 50_000_000 }).rotate().resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true });
    const imageType = format === "jpeg" ? "jpeg" : "png";
    const { data, info } = await (imageType === "jpeg" ? pipeline.jpeg({ quality: 85 }) : pipeline.png()).toBuffer({ resolveWithObject: true });
    return { image: data, imageType, width: info.width, height: info.height };
  } catch {
    throw new MediaRefused("not_image", "The image could not be read.");
  }
}

/**
 * FINALIZE: the chunks, in segment order, must add up to the announced size and be an image; it
 * is re-encoded with sharp (outside the transaction) and stored, and the chunks dropped.
 */
export async function finalizeUpload(db: Db, input: { userId: string; mediaId: string }, now = Date.now()): Promise<MediaRow> {
  const row = mine(db, input.userId, input.mediaId);
  if (!row || row.expiresAt <= now) throw new MediaRefused("not_found", "Invalid or expired media_id.");
  if (row.state === "succeeded") return row;
  const chunks = db.select({ data: mediaChunks.data }).from(mediaChunks).where(eq(mediaChunks.mediaId, row.id)).orderBy(asc(mediaChunks.segmentIndex)).all();
  const bytes = Buffer.concat(chunks.map((c) => c.data));
  if (bytes.length !== row.totalBytes) throw new MediaRefused("size_mismatch", `Segments do not add up to provided total file size (${bytes.length} of ${row.totalBytes} bytes).`);
  const done = await reencodeImage(bytes);
  return db.transaction((tx) => {
    const current = mine(tx, input.userId, input.mediaId);
    if (!current) throw new MediaRefused("not_found", "Invalid or expired media_id.");
    if (current.state === "succeeded") return current;
    tx.update(media).set({ state: "succeeded", ...done }).where(eq(media.id, current.id)).run();
    tx.delete(mediaChunks).where(eq(mediaChunks.mediaId, current.id)).run();
    return { ...current, state: "succeeded" as const, ...done };
  });
}

/** A one-request upload (v1.1 `media`/`media_data`, v2 simple upload): INIT, one chunk and FINALIZE. */
export async function uploadImage(db: Db, input: { userId: string; appId: string; bytes: Buffer; mediaType?: string; category?: string }, now = Date.now()): Promise<MediaRow> {
  if (input.bytes.length > MAX_IMAGE_BYTES) throw new MediaRefused("too_large", `File size exceeds ${MAX_IMAGE_BYTES} bytes.`);
  const done = await reencodeImage(input.bytes);
  const type = done.imageType === "jpeg" ? "image/jpeg" : "image/png";
  const row = initUpload(db, { userId: input.userId, appId: input.appId, mediaType: input.mediaType ?? type, totalBytes: Math.max(1, input.bytes.length), category: input.category }, now);
  db.update(media).set({ state: "succeeded", ...done }).where(eq(media.id, row.id)).run();
  return { ...row, state: "succeeded", ...done };
}

/** STATUS: the user's upload, or null. */
export const mediaStatus = (db: DbOrTx, input: { userId: string; mediaId: string }) => mine(db, input.userId, input.mediaId);

/** The stored image of a finalized upload (served publicly at /media/<id>.<ext>, as X serves pbs.twimg.com). */
export function getMediaImage(db: DbOrTx, id: string): { image: Buffer; imageType: "png" | "jpeg" } | null {
  const row = db.select({ image: media.image, imageType: media.imageType }).from(media).where(and(eq(media.id, id), eq(media.state, "succeeded"))).get();
  return row?.image && row.imageType ? { image: row.image, imageType: row.imageType } : null;
}

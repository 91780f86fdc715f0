import { appendChunk, finalizeUpload, initUpload, MediaRefused, mediaStatus, uploadImage, type MediaRow } from "@/lib/domain/media";
import { mediaKeyOf } from "@/lib/domain/media-attach";
import { userOf, type ApiContext, type ApiResult } from "./context";
import type { UploadInput } from "./media";
import { v1Error } from "@/lib/platform/problems";
import { ApiError } from "./problems";
import { readUploadParams } from "./upload-params";

/**
 * A refused upload step, HTTP 400. upload.x.com answers both `{"errors":[{"code":324,…}]}` and
 * `{"request":"/1.1/media/upload.json","error":…}`; this platform uses the first, the v1.1 shape
 * every other v1.1 refusal here has, with the reason as the message.
 */
const uploadError = (message: string) => new ApiError(400, v1Error(324, message));

async function step<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof MediaRefused) throw uploadError(err.message);
    throw err;
  }
}

/** v1.1 media JSON: `media_id` is a number wider than 2^53 on X, written as its digits; `media_id_string` carries it exactly. */
function mediaJson(row: MediaRow, now: number, status: number, extra: Record<string, unknown> = {}): ApiResult {
  const body: Record<string, unknown> = { media_id: 0, media_id_string: row.id, media_key: mediaKeyOf(row.id), ...extra };
  if (row.state === "succeeded") Object.assign(body, { size: row.image?.length ?? row.totalBytes, image: { image_type: `image/${row.imageType}`, w: row.width, h: row.height } });
  body.expires_after_secs = Math.max(0, Math.round((row.expiresAt - now) / 1000));
  return { status, body, rawJson: JSON.stringify(body).replace('"media_id":0', `"media_id":${row.id}`) };
}

const int = (v: string | undefined) => (v !== undefined && /^[0-9]{1,12}$/.test(v) ? Number(v) : NaN);
const mediaId = (v: string | undefined) => {
  if (!v || !/^[0-9]{1,19}$/.test(v)) throw uploadError("Invalid or expired media_id.");
  return v;
};

/**
 * POST /1.1/media/upload.json (X serves it on upload.x.com; here on this host): the simple upload
 * (`media` bytes or `media_data` base64) → 200, or the chunked INIT → 202, APPEND → 204,
 * FINALIZE → 201, as twitter-api-v2's and tweepy's uploaders drive it. OAuth 1.0a only.
 */
export async function uploadV1(ctx: ApiContext, input: UploadInput): Promise<ApiResult> {
  const read = readUploadParams(ctx.query, input.rawBody, input.bytes, input.contentType);
  if (!read) throw uploadError("media type unrecognized.");
  const { fields, media } = read;
  const userId = userOf(ctx.caller);
  switch (fields.command?.toUpperCase()) {
    case "INIT": {
      const row = await step(() =>
        initUpload(ctx.db, { userId, appId: ctx.caller.app.id, mediaType: fields.media_type ?? "", totalBytes: int(fields.total_bytes), category: fields.media_category?.toLowerCase() }, ctx.now),
      );
      return mediaJson(row, ctx.now, 202);
    }
    case "APPEND": {
      if (!media) throw uploadError("media parameter is missing.");
      const id = mediaId(fields.media_id);
      await step(() => appendChunk(ctx.db, { userId, mediaId: id, segmentIndex: int(fields.segment_index), data: media }));
      return { status: 204, body: null };
    }
    case "FINALIZE":
      return mediaJson(await step(() => finalizeUpload(ctx.db, { userId, mediaId: mediaId(fields.media_id) }, ctx.now)), ctx.now, 201);
    case undefined: {
      if (!media) throw uploadError("media parameter is missing.");
      const row = await step(() => uploadImage(ctx.db, { userId, appId: ctx.caller.app.id, bytes: media, category: fields.media_category?.toLowerCase() }, ctx.now));
      return mediaJson(row, ctx.now, 200);
    }
    default:
      throw uploadError("Invalid command.");
  }
}

/** GET /1.1/media/upload.json?command=STATUS&media_id=…: processing_info (images are done once finalized). */
export function statusV1(ctx: ApiContext): ApiResult {
  if (ctx.query.get("command")?.toUpperCase() !== "STATUS") throw uploadError("Invalid command.");
  const row = mediaStatus(ctx.db, { userId: userOf(ctx.caller), mediaId: mediaId(ctx.query.get("media_id") ?? undefined) });
  if (!row) throw uploadError("Invalid or expired media_id.");
  const processing = row.state === "succeeded" ? { state: "succeeded", progress_percent: 100 } : { state: "pending", check_after_secs: 1 };
  return mediaJson(row, ctx.now, 200, { processing_info: processing });
}

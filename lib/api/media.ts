import { appendChunk, finalizeUpload, initUpload, MEDIA_TTL_S, MediaRefused, mediaStatus, uploadImage, type MediaRow } from "@/lib/domain/media";
import { mediaKeyOf } from "@/lib/domain/media-attach";
import { ID_PATTERN } from "@/lib/validation/api";
import { userOf, type ApiContext, type ApiResult } from "./context";
import { apiErrors } from "./problems";
import { checkPathParam } from "./query";
import { readUploadParams } from "./upload-params";

/** The body of an upload route, as apiEndpoint hands it over. */
export interface UploadInput {
  rawBody: string | null;
  bytes: Buffer | null;
  contentType: string | null;
}

const invalid = (message: string) => apiErrors.invalidRequest([{ message }]);

function params(ctx: ApiContext, input: UploadInput) {
  const read = readUploadParams(ctx.query, input.rawBody, input.bytes, input.contentType);
  if (!read) throw invalid("The request body could not be read as its Content-Type says.");
  return read;
}

/** Runs a domain step, answering its refusals with X's v2 400 invalid-request. */
async function step<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof MediaRefused) throw invalid(err.message);
    throw err;
  }
}

const secondsLeft = (row: MediaRow, now: number) => Math.max(0, Math.round((row.expiresAt - now) / 1000));
const imageInfo = (row: MediaRow) => (row.imageType ? { image_type: `image/${row.imageType}`, w: row.width, h: row.height } : undefined);

/** The v2 media object of an upload (X's `data` of initialize, finalize and the simple upload). */
export function mediaData(row: MediaRow, now: number): Record<string, unknown> {
  const out: Record<string, unknown> = { id: row.id, media_key: mediaKeyOf(row.id), expires_after_secs: secondsLeft(row, now) };
  if (row.state === "succeeded") Object.assign(out, { size: row.image?.length ?? row.totalBytes, image: imageInfo(row) });
  return out;
}

const total = (v: string | undefined) => (v !== undefined && /^[0-9]{1,12}$/.test(v) ? Number(v) : NaN);

/** POST /2/media/upload/initialize (JSON `{media_type, total_bytes, media_category}`) → `{data:{id, media_key, expires_after_secs}}`. */
export async function initializeV2(ctx: ApiContext, input: UploadInput): Promise<ApiResult> {
  const { fields } = params(ctx, input);
  const row = await step(() =>
    initUpload(ctx.db, { userId: userOf(ctx.caller), appId: ctx.caller.app.id, mediaType: fields.media_type ?? "", totalBytes: total(fields.total_bytes), category: fields.media_category }, ctx.now),
  );
  return { body: { data: mediaData(row, ctx.now) } };
}

/** POST /2/media/upload/:id/append (multipart `segment_index`, `media`) → `{data:{expires_at}}`. */
export async function appendV2(ctx: ApiContext, id: string, input: UploadInput): Promise<ApiResult> {
  checkPathParam("id", id, ID_PATTERN);
  const { fields, media } = params(ctx, input);
  if (!media) throw invalid("The `media` part is missing.");
  await step(() => appendChunk(ctx.db, { userId: userOf(ctx.caller), mediaId: id, segmentIndex: total(fields.segment_index), data: media }));
  return { body: { data: { expires_at: Math.floor(ctx.now / 1000) + MEDIA_TTL_S } } };
}

/** POST /2/media/upload/:id/finalize → `{data:{id, media_key, size, expires_after_secs, image}}` (images need no processing_info). */
export async function finalizeV2(ctx: ApiContext, id: string): Promise<ApiResult> {
  checkPathParam("id", id, ID_PATTERN);
  const row = await step(() => finalizeUpload(ctx.db, { userId: userOf(ctx.caller), mediaId: id }, ctx.now));
  return { body: { data: mediaData(row, ctx.now) } };
}

/**
 * POST /2/media/upload: the one-request upload (multipart `media`, or JSON `media` base64), or
 * X's earlier command form (command=INIT|APPEND|FINALIZE with media_id), same steps as above.
 */
export async function uploadV2(ctx: ApiContext, input: UploadInput): Promise<ApiResult> {
  const { fields, media } = params(ctx, input);
  const userId = userOf(ctx.caller);
  switch (fields.command?.toUpperCase()) {
    case "INIT":
      return initializeV2(ctx, input);
    case "APPEND":
      return appendV2(ctx, fields.media_id ?? "", input);
    case "FINALIZE":
      return finalizeV2(ctx, fields.media_id ?? "");
    case undefined:
      break;
    default:
      throw invalid(`The \`command\` parameter value [${fields.command}] is not one of [INIT,APPEND,FINALIZE,STATUS]`);
  }
  if (!media) throw invalid("The `media` parameter is missing.");
  const row = await step(() => uploadImage(ctx.db, { userId, appId: ctx.caller.app.id, bytes: media, mediaType: fields.media_type, category: fields.media_category }, ctx.now));
  return { body: { data: mediaData(row, ctx.now) } };
}

/** GET /2/media/upload?command=STATUS&media_id=… → `{data:{id, media_key, processing_info}}`. */
export function statusV2(ctx: ApiContext): ApiResult {
  const id = ctx.query.get("media_id") ?? "";
  if (ctx.query.get("command")?.toUpperCase() !== "STATUS") throw invalid("The `command` query parameter must be STATUS.");
  checkPathParam("media_id", id, ID_PATTERN);
  const row = mediaStatus(ctx.db, { userId: userOf(ctx.caller), mediaId: id });
  if (!row) throw invalid("Invalid or expired media_id.");
  const state = row.state === "succeeded" ? { state: "succeeded", progress_percent: 100 } : { state: "pending", check_after_secs: 1 };
  return { body: { data: { id: row.id, media_key: mediaKeyOf(row.id), processing_info: state } } };
}

import { Hono } from "hono";
import { getDb } from "@/db/client";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { appendV2, finalizeV2, initializeV2, statusV2, uploadV2 } from "@/lib/api/media";
import { statusV1, uploadV1 } from "@/lib/api/media-v1";
import { getMediaImage } from "@/lib/domain/media";
import { problems } from "../problems";
import { apiEndpoint } from "./api-endpoint";

/** Upload bodies: a 5 MB image as base64 in JSON or a form (~6.7 MB) with room for the envelope. Other API routes keep 64 KiB. */
export const MAX_UPLOAD_BODY_BYTES = 8 * 1024 * 1024;
const UPLOAD = { maxBody: MAX_UPLOAD_BODY_BYTES, bytes: true } as const;

/** Media upload, v2 and v1.1 (upload.x.com's paths on this host), and the uploaded images themselves. */
export const apiMediaRoutes = new Hono();

const r = apiMediaRoutes;
r.post("/2/media/upload", apiEndpoint(ENDPOINTS.mediaUpload, (ctx, _c, rawBody, u) => uploadV2(ctx, { rawBody, ...u }), UPLOAD));
r.get("/2/media/upload", apiEndpoint(ENDPOINTS.mediaStatus, (ctx) => statusV2(ctx)));
r.post("/2/media/upload/initialize", apiEndpoint(ENDPOINTS.mediaInitialize, (ctx, _c, rawBody, u) => initializeV2(ctx, { rawBody, ...u })));
r.post("/2/media/upload/:id/append", apiEndpoint(ENDPOINTS.mediaAppend, (ctx, c, rawBody, u) => appendV2(ctx, c.req.param("id")!, { rawBody, ...u }), UPLOAD));
r.post("/2/media/upload/:id/finalize", apiEndpoint(ENDPOINTS.mediaFinalize, (ctx, c) => finalizeV2(ctx, c.req.param("id")!)));
r.post("/1.1/media/upload.json", apiEndpoint(ENDPOINTS.mediaUploadV1, (ctx, _c, rawBody, u) => uploadV1(ctx, { rawBody, ...u }), UPLOAD));
r.get("/1.1/media/upload.json", apiEndpoint(ENDPOINTS.mediaUploadV1, (ctx) => statusV1(ctx)));

/** GET /media/<id>.png|.jpg: an uploaded image, public as X's pbs.twimg.com URLs (the id is not guessable from outside). */
r.get("/media/:file", (c) => {
  const m = /^([0-9]{1,19})\.(png|jpg)$/.exec(c.req.param("file"));
  const found = m ? getMediaImage(getDb(), m[1]!) : null;
  if (!found || (found.imageType === "jpeg" ? "jpg" : "png") !== m![2]) return c.json(problems.notFoundRoute(), 404);
  return new Response(new Uint8Array(found.image), {
    headers: { "content-type": `image/${found.imageType}`, "cache-control": "public, max-age=31536000, immutable" },
  });
});

import { and, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/types";
import { media } from "@/db/schema";
import { TweetRefused } from "./tweet-refusals";

/** X attaches up to 4 images to a Tweet. */
export const MAX_MEDIA_PER_TWEET = 4;

/**
 * The media ids a new Tweet may carry: each one uploaded by the author, finalized and not
 * expired, no more than four, none twice. Anything else is X's "Your media IDs are invalid."
 */
export function checkAttachableMedia(tx: DbOrTx, authorId: string, ids: readonly string[], now: number): string[] {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length || unique.length > MAX_MEDIA_PER_TWEET) throw new TweetRefused("media_ids");
  const found = tx
    .select({ id: media.id })
    .from(media)
    .where(and(inArray(media.id, unique), eq(media.ownerUserId, authorId), eq(media.state, "succeeded"), gt(media.expiresAt, now)))
    .all();
  if (found.length !== unique.length) throw new TweetRefused("media_ids");
  return unique;
}

export interface MediaInfo {
  id: string;
  width: number | null;
  height: number | null;
  imageType: "png" | "jpeg" | null;
}

/** What a Tweet's includes.media shows of its attachments (no image bytes). */
export function findMediaInfo(db: DbOrTx, ids: readonly string[]): MediaInfo[] {
  if (!ids.length) return [];
  return db.select({ id: media.id, width: media.width, height: media.height, imageType: media.imageType }).from(media).where(inArray(media.id, [...new Set(ids)])).all();
}

/** X's media key of a media id: `3_<id>` (3 = photo). */
export const mediaKeyOf = (id: string) => `3_${id}`;

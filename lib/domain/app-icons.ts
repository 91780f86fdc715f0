import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { appIcons, apps } from "@/db/schema";
import { loadAppFor } from "./access";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { DomainError } from "./errors";

export const ICON_MAX_BYTES = 1024 * 1024;
export const ICON_SIZE = 400;
const ALLOWED = new Set(["png", "jpeg", "webp", "gif"]);
const iconError = (message: string) => new DomainError("invalid", message, { icon: [message] });

/** Checks an upload by its content (not its name or type) and re-encodes it to a square PNG. */
export async function normalizeIcon(bytes: Buffer): Promise<Buffer> {
  if (bytes.length === 0) throw iconError("Choose an image to upload");
  if (bytes.length > ICON_MAX_BYTES) throw iconError("Icons can be at most 1 MB");
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata()).format;
  } catch {
    throw iconError("That file is not an image. Use PNG, JPEG, WebP or GIF.");
  }
  if (!format || !ALLOWED.has(format)) throw iconError("Use a PNG, JPEG, WebP or GIF image");
  try {
    return await sharp(bytes, { animated: false, limitInputPixels: 40_000_000 })
      .rotate()
      .resize(ICON_SIZE, ICON_SIZE, { fit: "cover" })
      .png()
      .toBuffer();
  } catch {
    throw iconError("That image could not be read. Try another file.");
  }
}

/** Replaces the App's icon. The image work happens before the (synchronous) transaction. */
export async function setAppIcon(db: Db, actor: Actor, appId: string, bytes: Buffer): Promise<number> {
  loadAppFor(db, actor, appId, "manage");
  const png = await normalizeIcon(bytes);
  return db.transaction((tx) => {
    const { app } = loadAppFor(tx, actor, appId, "manage");
    tx.insert(appIcons).values({ appId, png, updatedAt: Date.now() }).onConflictDoUpdate({ target: appIcons.appId, set: { png, updatedAt: Date.now() } }).run();
    const version = app.iconVersion + 1;
    tx.update(apps).set({ iconVersion: version, updatedAt: Date.now() }).where(eq(apps.id, appId)).run();
    recordAudit(tx, { accountId: app.accountId, projectId: app.projectId, appId, actorUserId: actor.userId, action: "app.icon", details: { bytes: png.length } });
    return version;
  });
}

/** The App's icon PNG; icons are public (consent pages show them to any user). */
export function getAppIcon(db: Db, appId: string): Buffer | null {
  return db.select({ png: appIcons.png }).from(appIcons).where(eq(appIcons.appId, appId)).get()?.png ?? null;
}

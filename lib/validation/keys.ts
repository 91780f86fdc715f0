import { z } from "zod";
import { idSchema } from "./app";

/** How long a superseded API Key & Secret or Client Secret keeps working after "Regenerate with grace period". */
export const GRACE_PERIODS = {
  none: 0,
  "1h": 60 * 60 * 1000,
  "6h": 6 * 60 * 60 * 1000,
  "24h": 24 * 60 * 60 * 1000,
  "3d": 3 * 24 * 60 * 60 * 1000,
  "7d": 7 * 24 * 60 * 60 * 1000,
} as const;
export type GracePeriod = keyof typeof GRACE_PERIODS;
export const GRACE_PERIOD_KEYS = Object.keys(GRACE_PERIODS) as [GracePeriod, ...GracePeriod[]];

export const keyActionSchema = z.object({ appId: idSchema });
export type KeyActionInput = z.infer<typeof keyActionSchema>;

export const regenerateWithGraceSchema = z.object({
  appId: idSchema,
  grace: z.enum(GRACE_PERIOD_KEYS, { error: "Choose how long the previous credential keeps working" }).default("none"),
});
export type RegenerateWithGraceInput = z.input<typeof regenerateWithGraceSchema>;

export const endGracePeriodSchema = z.object({
  appId: idSchema,
  kind: z.enum(["consumer", "client_secret"]),
});
export type EndGracePeriodInput = z.infer<typeof endGracePeriodSchema>;

import { z } from "zod";
import { idSchema } from "./app";
import { TIERS } from "./enums";

export const setTierSchema = z.object({ accountId: idSchema, tier: z.enum(TIERS, { error: "Choose a tier" }) });
export type SetTierInput = z.infer<typeof setTierSchema>;

export const suspendAppSchema = z.object({
  appId: idSchema,
  reason: z.string().trim().min(10, "Give the owner a reason of at least 10 characters").max(1000, "Keep the reason under 1000 characters"),
});
export type SuspendAppInput = z.infer<typeof suspendAppSchema>;

export const searchSchema = z.object({ q: z.string().trim().max(100).default(""), page: z.coerce.number().int().min(1).max(100000).default(1) });

"use server";
import { revalidatePath } from "next/cache";
import { reinstateApp, setTier, suspendApp } from "@/lib/domain/operator";
import { validatedAction } from "@/lib/server/action";
import { appIdSchema } from "@/lib/validation/app";
import { setTierSchema, suspendAppSchema } from "@/lib/validation/operator";

export const setTierAction = validatedAction(setTierSchema, ({ db, current, input }) => {
  const { moved } = setTier(db, current.actor, input);
  revalidatePath("/admin");
  return { ok: true, message: moved.length ? `Tier changed. Moved to Standalone: ${moved.map((m) => m.name).join(", ")}.` : "Tier changed." };
});

export const suspendAppAction = validatedAction(suspendAppSchema, ({ db, current, input }) => {
  suspendApp(db, current.actor, input);
  revalidatePath("/admin");
  return { ok: true, message: "App suspended. The owner was sent an Application suspension notice." };
});

export const reinstateAppAction = validatedAction(appIdSchema, ({ db, current, input }) => {
  reinstateApp(db, current.actor, input.appId);
  revalidatePath("/admin");
  return { ok: true, message: "App reinstated." };
});

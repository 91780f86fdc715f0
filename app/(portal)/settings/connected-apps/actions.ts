"use server";
import { revalidatePath } from "next/cache";
import { revokeConnectedApp } from "@/lib/domain/connected-apps";
import { validatedAction } from "@/lib/server/action";
import { revokeConnectedAppSchema } from "@/lib/validation/connected-apps";

export const revokeConnectedAppAction = validatedAction(revokeConnectedAppSchema, ({ db, current, input }) => {
  const { appName } = revokeConnectedApp(db, current.actor, input);
  revalidatePath("/settings/connected-apps");
  return { ok: true, message: `Access revoked. ${appName} can no longer use your account.` };
});

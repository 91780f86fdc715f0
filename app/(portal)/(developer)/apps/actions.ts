"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { setAppIcon } from "@/lib/domain/app-icons";
import { updateAppDetails } from "@/lib/domain/app-details";
import { createApp, deleteApp, type CreatedAppData } from "@/lib/domain/apps";
import { validatedAction } from "@/lib/server/action";
import { createAppRequestSchema, deleteAppSchema, updateAppDetailsSchema, uploadIconSchema } from "@/lib/validation/app";

/** Creates the App; its secrets come back exactly once, in `data`. */
export const createAppAction = validatedAction(createAppRequestSchema, ({ db, current, input }) => {
  const { accountId, ...rest } = input;
  const { app, secrets } = createApp(db, current.actor, accountId, rest);
  return { ok: true, data: { appId: app.id, name: app.name, ...secrets } satisfies CreatedAppData };
});

export const updateAppDetailsAction = validatedAction(updateAppDetailsSchema, ({ db, current, input }) => {
  const { version } = updateAppDetails(db, current.actor, input);
  revalidatePath(`/apps/${input.appId}`);
  return { ok: true, message: "App details saved", data: { version } };
});

export const uploadIconAction = validatedAction(uploadIconSchema, async ({ db, current, input }) => {
  await setAppIcon(db, current.actor, input.appId, Buffer.from(await input.icon.arrayBuffer()));
  revalidatePath(`/apps/${input.appId}`);
  return { ok: true, message: "Icon updated" };
});

export const deleteAppAction = validatedAction(deleteAppSchema, ({ db, current, input }) => {
  deleteApp(db, current.actor, input);
  redirect("/dashboard?deleted=1");
});

import { z } from "zod";
import { callbackRowsSchema } from "./callback-urls";
import { ENVIRONMENTS } from "./enums";

export const APP_NAME_MAX = 32;
export const APP_DESCRIPTION_MAX = 200;

const isWebUrl = (v: string) => {
  try {
    const u = new URL(v);
    return (u.protocol === "https:" || u.protocol === "http:") && Boolean(u.hostname);
  } catch {
    return false;
  }
};

/** An optional http(s) URL field: empty, or a full URL. */
export const optionalWebUrl = z
  .string()
  .trim()
  .max(2000, "URLs can have at most 2000 characters")
  .refine((v) => v === "" || isWebUrl(v), "Enter a full URL starting with https:// or http://");

export const appNameSchema = z
  .string()
  .trim()
  .min(1, "Enter an App name")
  .max(APP_NAME_MAX, `App names can have at most ${APP_NAME_MAX} characters`)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "App names cannot contain control characters");

export const idSchema = z.string().regex(/^\d{1,20}$/, "Unknown id");

/** The version of the values an edit form was opened with (lib/domain/versions.ts). */
export const versionSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Reload the page and try again");

export const createAppSchema = z.object({
  name: appNameSchema,
  environment: z.enum(ENVIRONMENTS, { error: "Choose an environment" }),
  projectId: idSchema.optional(),
});
export type CreateAppInput = z.infer<typeof createAppSchema>;

export const appDetailsSchema = z.object({
  name: appNameSchema,
  description: z.string().trim().max(APP_DESCRIPTION_MAX, `Descriptions can have at most ${APP_DESCRIPTION_MAX} characters`),
  websiteUrl: optionalWebUrl,
  callbackUrls: callbackRowsSchema,
  termsUrl: optionalWebUrl,
  privacyUrl: optionalWebUrl,
  organizationName: z.string().trim().max(100, "Organization names can have at most 100 characters"),
  organizationUrl: optionalWebUrl,
  useCase: z.string().trim().max(2000, "Use cases can have at most 2000 characters"),
});
export type AppDetailsInput = z.infer<typeof appDetailsSchema>;

/** A save of App details: the version the form was opened with and only the fields the user changed. */
export const updateAppDetailsSchema = appDetailsSchema.partial().extend({ appId: idSchema, version: versionSchema });
export type UpdateAppDetailsInput = z.infer<typeof updateAppDetailsSchema>;

export const appIdSchema = z.object({ appId: idSchema });

export const deleteAppSchema = z.object({ appId: idSchema, confirmName: z.string().max(200) });
export type DeleteAppInput = z.infer<typeof deleteAppSchema>;

/** The create-App request: the form's fields plus the developer account it goes into. */
export const createAppRequestSchema = createAppSchema.extend({ accountId: idSchema });
export type CreateAppRequest = z.infer<typeof createAppRequestSchema>;

export const uploadIconSchema = z.object({
  appId: idSchema,
  icon: z.instanceof(Blob, { message: "Choose an image to upload" }),
});

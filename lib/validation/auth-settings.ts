import { z } from "zod";
import { idSchema, optionalWebUrl, versionSchema } from "./app";
import { callbackRowsSchema } from "./callback-urls";
import { APP_TYPES, CONFIDENTIAL_APP_TYPES, PERMISSIONS, type AppType } from "./enums";

export const AUTH_SETTINGS_MESSAGES = {
  noMethod: "Turn on OAuth 1.0a, OAuth 2.0 or both to save user authentication settings",
  noAppType: "Choose the type of App for OAuth 2.0",
  noCallback: "Add at least one Callback URI / Redirect URL",
  noWebsite: "Enter your website URL",
  emailNeedsUrls: "Requesting email needs a Terms of Service URL and a Privacy Policy URL",
} as const;

export const isConfidential = (type: AppType | null | undefined): boolean =>
  Boolean(type && CONFIDENTIAL_APP_TYPES.includes(type));

const authSettingsFields = z.object({
  appId: idSchema,
  oauth1Enabled: z.boolean(),
  oauth2Enabled: z.boolean(),
  permission: z.enum(PERMISSIONS, { error: "Choose the App permissions" }),
  requestEmail: z.boolean(),
  appType: z.enum(APP_TYPES, { error: "Choose the type of App" }).nullable(),
  callbackUrls: callbackRowsSchema.min(1, AUTH_SETTINGS_MESSAGES.noCallback),
  websiteUrl: optionalWebUrl.refine((v) => v !== "", AUTH_SETTINGS_MESSAGES.noWebsite),
  termsUrl: optionalWebUrl,
  privacyUrl: optionalWebUrl,
  signInWithX: z.boolean(),
});

/** User authentication settings: one schema for the form and the server (which checks the merged values of a save). */
export const authSettingsSchema = authSettingsFields.superRefine((v, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (!v.oauth1Enabled && !v.oauth2Enabled) issue("oauth1Enabled", AUTH_SETTINGS_MESSAGES.noMethod);
  if (v.oauth2Enabled && !v.appType) issue("appType", AUTH_SETTINGS_MESSAGES.noAppType);
  if (v.requestEmail && (!v.termsUrl || !v.privacyUrl)) issue("requestEmail", AUTH_SETTINGS_MESSAGES.emailNeedsUrls);
});
export type AuthSettingsInput = z.infer<typeof authSettingsSchema>;

/** A save from the form: the version it was opened with and only the settings the user changed. */
export const saveAuthSettingsSchema = authSettingsFields.omit({ appId: true }).partial().extend({ appId: idSchema, version: versionSchema });
export type SaveAuthSettingsInput = z.infer<typeof saveAuthSettingsSchema>;

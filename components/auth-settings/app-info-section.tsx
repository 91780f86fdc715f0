"use client";
import type { UseFormReturn } from "react-hook-form";
import { TextField } from "@/components/forms/field";
import type { AuthSettingsInput } from "@/lib/validation/auth-settings";
import { CallbackRows } from "@/components/forms/callback-rows";
import { SettingsSection } from "./section";
import { Toggle } from "./toggle";

/** App info: callback URLs, website, Terms of Service and Privacy Policy URLs, Sign in with X. */
export function AppInfoSection({ form }: { form: UseFormReturn<AuthSettingsInput> }) {
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <SettingsSection id="app-info" title="App info" description="Shared with App details: a change here shows there too.">
      <CallbackRows form={form} required />
      <TextField label="Website URL (required)" type="url" placeholder="https://example.com" error={errors.websiteUrl?.message} {...register("websiteUrl")} />
      <TextField label="Terms of Service URL" type="url" placeholder="https://example.com/terms" error={errors.termsUrl?.message} {...register("termsUrl")} />
      <TextField label="Privacy Policy URL" type="url" placeholder="https://example.com/privacy" error={errors.privacyUrl?.message} {...register("privacyUrl")} />
      <Toggle
        label="Allow this App to be used to Sign in with X"
        description="Users can sign in to your website with their account through this App (OAuth 1.0a authenticate)."
        {...register("signInWithX")}
      />
    </SettingsSection>
  );
}

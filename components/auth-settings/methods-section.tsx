"use client";
import type { UseFormReturn } from "react-hook-form";
import type { AuthSettingsInput } from "@/lib/validation/auth-settings";
import { SettingsSection } from "./section";
import { Toggle } from "./toggle";

/** Turn OAuth 1.0a and/or OAuth 2.0 on (at least one). */
export function MethodsSection({ form }: { form: UseFormReturn<AuthSettingsInput> }) {
  const error = form.formState.errors.oauth1Enabled?.message;
  return (
    <SettingsSection
      id="auth-methods"
      title="User authentication"
      description="OAuth 2.0 and OAuth 1.0a let users sign in to your App with their account and let your App make requests on their behalf. Turn on one or both."
    >
      <Toggle
        label="OAuth 2.0"
        description="For the X API v2 only. Pick fine-grained scopes that give your App specific permissions on behalf of a user."
        {...form.register("oauth2Enabled", { onChange: () => form.clearErrors("oauth1Enabled") })}
      />
      <Toggle
        label="OAuth 1.0a"
        description="For the X API v1.1 and v2. Broad authorization with coarse App permissions."
        error={error}
        {...form.register("oauth1Enabled")}
      />
    </SettingsSection>
  );
}

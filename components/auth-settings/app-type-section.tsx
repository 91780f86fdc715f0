"use client";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { isConfidential, type AuthSettingsInput } from "@/lib/validation/auth-settings";
import { APP_TYPE_GROUPS } from "./labels";
import { SettingsSection } from "./section";

/** Type of App (OAuth 2.0): public clients (no secret) or confidential clients (a Client Secret). */
export function AppTypeSection({ form, hadSecret }: { form: UseFormReturn<AuthSettingsInput>; hadSecret: boolean }) {
  const appType = useWatch({ control: form.control, name: "appType" });
  const error = form.formState.errors.appType?.message;
  const confidential = isConfidential(appType);
  return (
    <SettingsSection
      id="app-type"
      title="Type of App"
      description="OAuth 2.0: the type of App decides whether it gets a Client Secret. Confidential clients authenticate securely with the authorization server and keep the secret safe; public clients usually run in a browser or on a mobile device and cannot."
    >
      <fieldset aria-describedby={error ? "app-type-error" : undefined} aria-invalid={error ? true : undefined} className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Type of App</legend>
        {APP_TYPE_GROUPS.map((group) => (
          <div key={group.title} className="space-y-2">
            <p className="text-sm font-semibold">{group.title}</p>
            <p className="text-xs text-muted">{group.description}</p>
            {group.types.map((t) => (
              <label key={t.value} className="flex cursor-pointer items-center gap-3 rounded-xl border border-border p-3 text-sm has-checked:border-accent has-checked:bg-surface-2">
                <input type="radio" value={t.value} className="size-4 accent-accent" {...form.register("appType")} />
                {t.label}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <p id="app-type-error" aria-live="polite" className="text-sm text-danger empty:hidden">
        {error}
      </p>
      {confidential && !hadSecret && <Alert tone="info">Saving creates a Client Secret. It is shown once — have a password manager ready.</Alert>}
      {!confidential && appType && hadSecret && (
        <Alert tone="warning">Saving deletes the Client Secret: public clients have none, and requests using it will fail.</Alert>
      )}
    </SettingsSection>
  );
}

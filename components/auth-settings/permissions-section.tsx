"use client";
import Link from "next/link";
import { useEffect } from "react";
import { Controller, useWatch, type UseFormReturn } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import type { AuthSettingsInput } from "@/lib/validation/auth-settings";
import type { Permission } from "@/lib/validation/enums";
import { PERMISSION_OPTIONS } from "./labels";
import { SettingsSection } from "./section";
import { Toggle } from "./toggle";

/** App permissions (OAuth 1.0a) and "Request email from users". */
export function PermissionsSection({ form, savedPermission }: { form: UseFormReturn<AuthSettingsInput>; savedPermission: Permission }) {
  const { control, register, setValue, formState } = form;
  const [permission, termsUrl, privacyUrl, requestEmail, appId] = useWatch({
    control,
    name: ["permission", "termsUrl", "privacyUrl", "requestEmail", "appId"],
  });
  const hasUrls = Boolean(termsUrl?.trim() && privacyUrl?.trim());
  useEffect(() => {
    if (!hasUrls && requestEmail) setValue("requestEmail", false, { shouldDirty: true });
  }, [hasUrls, requestEmail, setValue]);

  return (
    <SettingsSection
      id="app-permissions"
      title="App permissions"
      description="OAuth 1.0a: the access level of the user tokens your App gets. Ask only for what your App needs."
    >
      <fieldset className="space-y-3">
        <legend className="sr-only">Access level</legend>
        {PERMISSION_OPTIONS.map((o) => (
          <label key={o.value} className="flex cursor-pointer items-start gap-3 rounded-xl border border-border p-3 has-checked:border-accent has-checked:bg-surface-2">
            <input
              type="radio"
              value={o.value}
              className="mt-1 size-4 accent-accent"
              aria-labelledby={`perm-${o.value}-label`}
              aria-describedby={`perm-${o.value}`}
              {...register("permission")}
            />
            <span>
              <span id={`perm-${o.value}-label`} className="block text-sm font-semibold">
                {o.label}
              </span>
              <span id={`perm-${o.value}`} className="block text-sm text-muted">
                {o.description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {permission !== savedPermission && (
        <Alert tone="warning">
          <strong>Changing the permissions ends every user token.</strong> Every user token issued to this App will stop working —
          the owner&apos;s Access Token included — and users must authorize the App again to get the new permissions.
        </Alert>
      )}
      <Controller
        control={control}
        name="requestEmail"
        render={({ field }) => (
          <Toggle
            label="Request email from users"
            name={field.name}
            ref={field.ref}
            checked={field.value}
            onChange={(e) => field.onChange(e.target.checked)}
            onBlur={field.onBlur}
            disabled={!hasUrls}
            error={formState.errors.requestEmail?.message}
            description={
              hasUrls ? (
                "Users see that your App can read their email address."
              ) : (
                <>
                  Needs a Terms of Service URL and a Privacy Policy URL: add them under App info below or in{" "}
                  <Link href={`/apps/${appId}`} className="text-link underline">
                    App details
                  </Link>
                  .
                </>
              )
            }
          />
        )}
      />
    </SettingsSection>
  );
}

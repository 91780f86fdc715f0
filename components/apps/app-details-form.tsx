"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { TextAreaField, TextField } from "@/components/forms/field";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { useUnsavedGuard } from "@/components/forms/use-unsaved-guard";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Toast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/server/action";
import { APP_DESCRIPTION_MAX, appDetailsSchema, type AppDetailsInput, type UpdateAppDetailsInput } from "@/lib/validation/app";
import { CallbackRows } from "@/components/forms/callback-rows";
import type { ClientAction } from "@/components/forms/use-action";

type Action = ClientAction<UpdateAppDetailsInput>;

/** The App details section: one zod schema for this form and the server action. */
export function AppDetailsForm({ action, appId, defaults, readOnly }: { action: Action; appId: string; defaults: AppDetailsInput; readOnly: boolean }) {
  const [state, setState] = useState<ActionState | null>(null);
  const [stamp, setStamp] = useState(0);
  const form = useForm<AppDetailsInput>({ resolver: zodResolver(appDetailsSchema), defaultValues: defaults });
  const { errors, isSubmitting, isDirty } = form.formState;
  useServerErrors(state, form.setError);
  useUnsavedGuard(isDirty && !isSubmitting);
  const description = useWatch({ control: form.control, name: "description" }) ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(null, { ...values, appId });
    setState(result);
    if (result.ok) {
      form.reset(values);
      setStamp((s) => s + 1);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <fieldset disabled={readOnly} className="space-y-4">
        <TextField label="App name" maxLength={32} error={errors.name?.message} {...form.register("name")} />
        <TextAreaField
          label="App description"
          rows={3}
          hint={`${description.length} / ${APP_DESCRIPTION_MAX}`}
          error={errors.description?.message}
          {...form.register("description")}
        />
        <TextField label="Website URL" type="url" placeholder="https://example.com" hint="Shown as the source of Tweets your App creates." error={errors.websiteUrl?.message} {...form.register("websiteUrl")} />
        <CallbackRows form={form} />
        <TextField label="Terms of service URL" type="url" error={errors.termsUrl?.message} {...form.register("termsUrl")} />
        <TextField label="Privacy policy URL" type="url" error={errors.privacyUrl?.message} {...form.register("privacyUrl")} />
        <TextField label="Organization name" maxLength={100} error={errors.organizationName?.message} {...form.register("organizationName")} />
        <TextField label="Organization URL" type="url" error={errors.organizationUrl?.message} {...form.register("organizationUrl")} />
        <TextAreaField label="Purpose / use case" rows={4} maxLength={2000} hint="Keep this up to date when your App's use changes." error={errors.useCase?.message} {...form.register("useCase")} />
      </fieldset>
      {!readOnly && (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={isSubmitting || !isDirty}>
            {isSubmitting ? "Saving…" : "Save"}
          </Button>
          {isDirty && <span className="text-sm text-muted">Unsaved changes</span>}
        </div>
      )}
      <Toast message={state?.ok ? (state.message ?? "Saved") : null} stamp={stamp} />
    </form>
  );
}

"use client";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { TextAreaField, TextField } from "@/components/forms/field";
import { ErrorSummary } from "@/components/forms/error-summary";
import { StaleNotice } from "@/components/forms/stale-notice";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { useUnsavedGuard } from "@/components/forms/use-unsaved-guard";
import { useVersionedForm, type Versioned } from "@/components/forms/use-versioned-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Toast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/server/action";
import { APP_DESCRIPTION_MAX, appDetailsSchema, type AppDetailsInput, type UpdateAppDetailsInput } from "@/lib/validation/app";
import { toCallbackRows } from "@/lib/validation/callback-urls";
import { CallbackRows } from "@/components/forms/callback-rows";
import { APP_FIELD_LABELS as L } from "./field-labels";

type Action = (prev: ActionState<Versioned> | null, input: UpdateAppDetailsInput) => Promise<ActionState<Versioned>>;

const APP_DETAILS_ORDER = ["name", "description", "websiteUrl", "callbackUrls", "termsUrl", "privacyUrl", "organizationName", "organizationUrl", "useCase"] as const;

const toForm = (saved: Record<string, unknown>) => ({ ...saved, callbackUrls: toCallbackRows(saved.callbackUrls as string[]) }) as AppDetailsInput;

/** The App details section: one zod schema for this form and the server action; saves only what changed. */
export function AppDetailsForm({ action, appId, version, defaults, readOnly }: { action: Action; appId: string; version: string; defaults: AppDetailsInput; readOnly: boolean }) {
  const [state, setState] = useState<ActionState<Versioned> | null>(null);
  const [stamp, setStamp] = useState(0);
  const form = useForm<AppDetailsInput>({ shouldFocusError: false, resolver: zodResolver(appDetailsSchema), defaultValues: defaults });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  const versioned = useVersionedForm(form, version, toForm);
  const { errors, isSubmitting, isDirty } = form.formState;
  useServerErrors(state, form.setError, focusInvalid);
  useUnsavedGuard(isDirty && !isSubmitting);
  const description = useWatch({ control: form.control, name: "description" }) ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(null, { ...versioned.request(values), appId });
    setState(result);
    if (versioned.settle(result, values)) setStamp((s) => s + 1);
  }, focusInvalid);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {versioned.stale ? (
        <StaleNotice message="This App changed since you opened it" stale={versioned.stale} labels={L} onReload={versioned.reload} />
      ) : (
        state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>
      )}
      {form.formState.submitCount > 0 && <ErrorSummary errors={errors} order={[...APP_DETAILS_ORDER]} labels={L} formRef={formRef} />}
      <fieldset disabled={readOnly} className="min-w-0 space-y-4">
        <TextField label={L.name!} maxLength={32} error={errors.name?.message} {...form.register("name")} />
        <TextAreaField
          label={L.description!}
          rows={3}
          hint={`${description.length} / ${APP_DESCRIPTION_MAX}`}
          error={errors.description?.message}
          {...form.register("description")}
        />
        <TextField label={L.websiteUrl!} type="url" placeholder="https://example.com" hint="Shown as the source of Tweets your App creates." error={errors.websiteUrl?.message} {...form.register("websiteUrl")} />
        <CallbackRows form={form} />
        <TextField label={L.termsUrl!} type="url" error={errors.termsUrl?.message} {...form.register("termsUrl")} />
        <TextField label={L.privacyUrl!} type="url" error={errors.privacyUrl?.message} {...form.register("privacyUrl")} />
        <TextField label={L.organizationName!} maxLength={100} error={errors.organizationName?.message} {...form.register("organizationName")} />
        <TextField label={L.organizationUrl!} type="url" error={errors.organizationUrl?.message} {...form.register("organizationUrl")} />
        <TextAreaField label={L.useCase!} rows={4} maxLength={2000} hint="Keep this up to date when your App's use changes." error={errors.useCase?.message} {...form.register("useCase")} />
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

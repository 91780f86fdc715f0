"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { PROJECT_FIELD_LABELS } from "@/components/apps/field-labels";
import { TextAreaField, TextField } from "@/components/forms/field";
import { StaleNotice } from "@/components/forms/stale-notice";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { useVersionedForm, type Versioned } from "@/components/forms/use-versioned-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Toast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/server/action";
import { projectFieldsSchema } from "@/lib/validation/project";

type Fields = z.infer<typeof projectFieldsSchema>;
type Action = (prev: null, input: Partial<Fields> & Record<string, string>) => Promise<ActionState<Versioned> | ActionState>;

/**
 * Create or edit a Project; `hidden` carries the accountId or projectId the action needs. With a
 * `version` (editing), a save sends only the changed fields and is refused when the Project changed.
 */
export function ProjectForm({ action, hidden, defaults, submitLabel, version }: { action: Action; hidden: Record<string, string>; defaults?: Fields; submitLabel: string; version?: string }) {
  const [state, setState] = useState<ActionState<Versioned> | null>(null);
  const [stamp, setStamp] = useState(0);
  const form = useForm<Fields>({ resolver: zodResolver(projectFieldsSchema), defaultValues: defaults ?? { name: "", description: "", useCase: "" } });
  const versioned = useVersionedForm(form, version ?? "", (saved) => saved as Fields);
  const { errors, isSubmitting } = form.formState;
  useServerErrors(state, form.setError);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(null, { ...(version ? versioned.request(values) : values), ...hidden } as Partial<Fields> & Record<string, string>);
    setState(result as ActionState<Versioned>);
    if (versioned.settle(result as ActionState<Versioned>, values)) setStamp((s) => s + 1);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {versioned.stale ? (
        <StaleNotice message="This Project changed since you opened it" stale={versioned.stale} labels={PROJECT_FIELD_LABELS} onReload={versioned.reload} />
      ) : (
        state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>
      )}
      <TextField label="Project name" maxLength={64} error={errors.name?.message} {...form.register("name")} />
      <TextAreaField label="Description" rows={3} maxLength={500} hint="Up to 500 characters." error={errors.description?.message} {...form.register("description")} />
      <TextAreaField label="Use case" rows={4} maxLength={2000} hint="What will the Apps in this Project do?" error={errors.useCase?.message} {...form.register("useCase")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : submitLabel}
      </Button>
      <Toast message={state?.ok ? (state.message ?? null) : null} stamp={stamp} />
    </form>
  );
}

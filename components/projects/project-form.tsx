"use client";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { PROJECT_FIELD_LABELS as L } from "@/components/apps/field-labels";
import { FieldShell, TextAreaField, TextField } from "@/components/forms/field";
import { StaleNotice } from "@/components/forms/stale-notice";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { useVersionedForm, type Versioned } from "@/components/forms/use-versioned-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Toast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/server/action";
import { PROJECT_USE_CASES, projectFieldsSchema, type ProjectFields } from "@/lib/validation/project";

/** The form's values: the use case is "" until one is chosen. */
type Values = Omit<ProjectFields, "useCase"> & { useCase: ProjectFields["useCase"] | "" };
type Action = (prev: null, input: Partial<ProjectFields> & Record<string, string>) => Promise<ActionState<Versioned> | ActionState>;

/**
 * Create or edit a Project: name, use case from X's list, description. `hidden` carries the
 * accountId or projectId the action needs. With a `version` (editing), a save sends only the
 * changed fields and is refused when the Project changed since the form was opened.
 */
export function ProjectForm({ action, hidden, defaults, submitLabel, version, earlierUseCase }: { action: Action; hidden: Record<string, string>; defaults?: Values; submitLabel: string; version?: string; earlierUseCase?: string }) {
  const [state, setState] = useState<ActionState<Versioned> | null>(null);
  const [stamp, setStamp] = useState(0);
  const form = useForm<Values>({ shouldFocusError: false, resolver: zodResolver(projectFieldsSchema) as unknown as Resolver<Values>, defaultValues: defaults ?? { name: "", useCase: "", description: "" } });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  const versioned = useVersionedForm(form, version ?? "", (saved) => saved as Values);
  const { errors, isSubmitting } = form.formState;
  useServerErrors(state, form.setError, focusInvalid);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = (await action(null, { ...(version ? versioned.request(values) : values), ...hidden } as Partial<ProjectFields> & Record<string, string>)) as ActionState<Versioned>;
    setState(result);
    if (versioned.settle(result, values)) setStamp((s) => s + 1);
  }, focusInvalid);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {versioned.stale ? (
        <StaleNotice message="This Project changed since you opened it" stale={versioned.stale} labels={L} onReload={versioned.reload} />
      ) : (
        state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>
      )}
      <TextField label={L.name!} maxLength={64} error={errors.name?.message} {...form.register("name")} />
      <FieldShell
        label={L.useCase!}
        error={errors.useCase?.message}
        hint={earlierUseCase ? <span className="wrap-anywhere">Before this list, the use case read: “{earlierUseCase}”</span> : "Which best describes what the Apps in this Project will do?"}
      >
        {({ id, describedBy, invalid }) => (
          <select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} className="w-full rounded-lg border border-border bg-surface px-3 py-2" {...form.register("useCase")}>
            <option value="">Choose a use case</option>
            {PROJECT_USE_CASES.map((u) => (
              <option key={u.value} value={u.value}>
                {u.label}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <TextAreaField label={L.description!} rows={3} maxLength={500} hint="Describe your Project: what it does and who it is for. Up to 500 characters." error={errors.description?.message} {...form.register("description")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : submitLabel}
      </Button>
      <Toast message={state?.ok ? (state.message ?? null) : null} stamp={stamp} />
    </form>
  );
}

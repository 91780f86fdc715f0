"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { TextAreaField, TextField } from "@/components/forms/field";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Toast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/server/action";
import { projectFieldsSchema } from "@/lib/validation/project";
import type { ClientAction } from "@/components/forms/use-action";

type Fields = z.infer<typeof projectFieldsSchema>;
type Action = ClientAction<Fields & Record<string, string>>;

/** Create or edit a Project; `hidden` carries the accountId or projectId the action needs. */
export function ProjectForm({ action, hidden, defaults, submitLabel }: { action: Action; hidden: Record<string, string>; defaults?: Fields; submitLabel: string }) {
  const [state, setState] = useState<ActionState | null>(null);
  const [stamp, setStamp] = useState(0);
  const form = useForm<Fields>({ resolver: zodResolver(projectFieldsSchema), defaultValues: defaults ?? { name: "", description: "", useCase: "" } });
  const { errors, isSubmitting } = form.formState;
  useServerErrors(state, form.setError);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(null, { ...values, ...hidden });
    setState(result);
    if (result.ok) {
      form.reset(values);
      setStamp((s) => s + 1);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
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

"use client";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FieldShell, TextField } from "@/components/forms/field";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";
import { createAppSchema, type CreateAppInput } from "@/lib/validation/app";
import { ENVIRONMENTS } from "@/lib/validation/enums";
import type { CreatedAppData } from "@/lib/domain/apps";

export type CreateAppAction = (prev: ActionState<CreatedAppData> | null, input: CreateAppInput & { accountId: string }) => Promise<ActionState<CreatedAppData>>;

/** Name and environment; the new App's keys go to `onCreated`, to be shown once. */
export function CreateAppForm({ action, accountId, projectId, onCreated }: { action: CreateAppAction; accountId: string; projectId?: string; onCreated: (data: CreatedAppData) => void }) {
  const [state, setState] = useState<ActionState<CreatedAppData> | null>(null);
  const form = useForm<CreateAppInput>({ shouldFocusError: false, resolver: zodResolver(createAppSchema), defaultValues: { name: "", environment: "development", projectId } });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  const { errors, isSubmitting } = form.formState;
  useServerErrors(state, form.setError, focusInvalid);

  const onSubmit = form.handleSubmit(async (v) => {
    const result = await action(null, { ...v, accountId });
    setState(result);
    if (result.ok && result.data) onCreated(result.data);
  }, focusInvalid);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
      <TextField label="App name" maxLength={32} hint="Unique across the platform, up to 32 characters. Shown to users who authorize your App." error={errors.name?.message} {...form.register("name")} />
      <FieldShell label="Environment" error={errors.environment?.message}>
        {({ id, describedBy }) => (
          <select id={id} aria-describedby={describedBy} className="w-full rounded-lg border border-border bg-surface px-3 py-2" {...form.register("environment")}>
            {ENVIRONMENTS.map((e) => (
              <option key={e} value={e}>
                {e[0]!.toUpperCase() + e.slice(1)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create App"}
      </Button>
    </form>
  );
}

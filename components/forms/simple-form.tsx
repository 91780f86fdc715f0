"use client";
import { useFocusFirstInvalid } from "./use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type ReactNode } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";
import { useServerErrors } from "./use-server-errors";
import type { ClientAction } from "@/components/forms/use-action";

interface Props<T extends FieldValues> {
  schema: z.ZodType<T>;
  action: ClientAction<T>;
  defaults: DefaultValues<T>;
  submitLabel: string;
  children: (form: UseFormReturn<T>) => ReactNode;
  /** Clear the fields after a successful submit. */
  resetOnSuccess?: boolean;
}

/** The common shape of small forms: shared zod schema, server action, field errors, a result message. */
export function SimpleForm<T extends FieldValues>({ schema, action, defaults, submitLabel, children, resetOnSuccess }: Props<T>) {
  const [state, setState] = useState<ActionState | null>(null);
  const form = useForm<T>({ shouldFocusError: false, resolver: zodResolver(schema as never) as unknown as Resolver<T>, defaultValues: defaults });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  useServerErrors(state, form.setError, focusInvalid);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(null, values);
    setState(result);
    if (result.ok && resetOnSuccess) form.reset(defaults);
  }, focusInvalid);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {state && (state.ok || !state.fieldErrors) && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      {children(form)}
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  );
}

"use client";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/forms/field";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/account";
import type { ClientAction } from "@/components/forms/use-action";

type Action = ClientAction<ChangePasswordInput>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, setState] = useState<ActionState | null>(null);
  const form = useForm<ChangePasswordInput>({
    shouldFocusError: false,
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  const { errors, isSubmitting } = form.formState;
  useServerErrors(state, form.setError, focusInvalid);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(null, values);
    setState(result);
    if (result.ok) form.reset();
  }, focusInvalid);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-md space-y-4">
      {state?.ok && <Alert tone="success">{state.message}</Alert>}
      {state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
      <TextField label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...form.register("currentPassword")} />
      <TextField label="New password" type="password" autoComplete="new-password" error={errors.newPassword?.message} {...form.register("newPassword")} />
      <TextField label="Confirm new password" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...form.register("confirmPassword")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Change password"}
      </Button>
    </form>
  );
}

"use client";
import { TextField } from "@/components/forms/field";
import { SimpleForm } from "@/components/forms/simple-form";
import type { ClientAction } from "@/components/forms/use-action";
import { changeEmailSchema, type ChangeEmailInput } from "@/lib/validation/account";

/** Account settings → Change e-mail: the new address and the password; the old address is told. */
export function ChangeEmailForm({ action }: { action: ClientAction<ChangeEmailInput> }) {
  return (
    <SimpleForm schema={changeEmailSchema} action={action} defaults={{ email: "", currentPassword: "" }} submitLabel="Change e-mail" resetOnSuccess>
      {(form) => (
        <div className="max-w-md space-y-4">
          <TextField label="New e-mail address" type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register("email")} />
          <TextField
            label="Your password"
            type="password"
            autoComplete="current-password"
            hint="To confirm it is you."
            error={form.formState.errors.currentPassword?.message}
            {...form.register("currentPassword")}
          />
        </div>
      )}
    </SimpleForm>
  );
}

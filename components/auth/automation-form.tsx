"use client";
import { TextField } from "@/components/forms/field";
import { SimpleForm } from "@/components/forms/simple-form";
import { automationSchema, removeAutomationSchema, type AutomationInput, type RemoveAutomationInput } from "@/lib/validation/team";
import type { ClientAction } from "@/components/forms/use-action";

/** Account settings → Automation → Managing account. */
export function AutomationForm({ manager, setAction, removeAction }: { manager: string | null; setAction: ClientAction<AutomationInput>; removeAction: ClientAction<RemoveAutomationInput> }) {
  if (manager) {
    return (
      <div className="space-y-3">
        <p className="text-sm">
          This account is labelled <strong>Automated by @{manager}</strong>. To remove the label, enter @{manager}&apos;s password.
        </p>
        <SimpleForm schema={removeAutomationSchema} action={removeAction} defaults={{ managerPassword: "" }} submitLabel="Remove label" resetOnSuccess>
          {(form) => <TextField label="Managing account's password" type="password" autoComplete="off" error={form.formState.errors.managerPassword?.message} {...form.register("managerPassword")} />}
        </SimpleForm>
      </div>
    );
  }
  return (
    <SimpleForm schema={automationSchema} action={setAction} defaults={{ managerUsername: "", managerPassword: "" }} submitLabel="Apply label" resetOnSuccess>
      {(form) => (
        <>
          <TextField label="Managing account" placeholder="@username" hint="The account that runs this bot account." error={form.formState.errors.managerUsername?.message} {...form.register("managerUsername")} />
          <TextField label="Managing account's password" type="password" autoComplete="off" hint="Sign in as the managing account to confirm." error={form.formState.errors.managerPassword?.message} {...form.register("managerPassword")} />
        </>
      )}
    </SimpleForm>
  );
}

"use client";
import { SimpleForm } from "@/components/forms/simple-form";
import { TextField } from "@/components/forms/field";
import { createTeamSchema, type CreateTeamInput } from "@/lib/validation/team";
import type { ClientAction } from "@/components/forms/use-action";

export function CreateTeamForm({ action }: { action: ClientAction<CreateTeamInput> }) {
  return (
    <SimpleForm schema={createTeamSchema} action={action} defaults={{ name: "" }} submitLabel="Create team" resetOnSuccess>
      {(form) => <TextField label="Team name" maxLength={50} error={form.formState.errors.name?.message} {...form.register("name")} />}
    </SimpleForm>
  );
}

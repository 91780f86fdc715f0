"use client";
import { SimpleForm } from "@/components/forms/simple-form";
import { TextField } from "@/components/forms/field";
import type { ActionState } from "@/lib/server/action";
import { createTeamSchema, type CreateTeamInput } from "@/lib/validation/team";

export function CreateTeamForm({ action }: { action: (prev: ActionState | null, input: CreateTeamInput) => Promise<ActionState> }) {
  return (
    <SimpleForm schema={createTeamSchema} action={action} defaults={{ name: "" }} submitLabel="Create team" resetOnSuccess>
      {(form) => <TextField label="Team name" maxLength={50} error={form.formState.errors.name?.message} {...form.register("name")} />}
    </SimpleForm>
  );
}

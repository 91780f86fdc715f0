"use client";
import { FieldShell, TextField } from "@/components/forms/field";
import { SimpleForm } from "@/components/forms/simple-form";
import { inviteMemberSchema, type InviteMemberInput } from "@/lib/validation/team";
import type { ClientAction } from "@/components/forms/use-action";

export function InviteForm({ action, accountId }: { action: ClientAction<InviteMemberInput>; accountId: string }) {
  return (
    <SimpleForm schema={inviteMemberSchema} action={action} defaults={{ accountId, username: "", role: "developer" }} submitLabel="Send invitation" resetOnSuccess>
      {(form) => (
        <>
          <TextField label="Username" placeholder="@username" error={form.formState.errors.username?.message} {...form.register("username")} />
          <FieldShell label="Role" error={form.formState.errors.role?.message} hint="Admins create and delete Projects and Apps and manage members. Developers see the team's Apps and manage the ones they own.">
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} className="w-full rounded-lg border border-border bg-surface px-3 py-2" {...form.register("role")}>
                <option value="developer">Developer</option>
                <option value="admin">Admin</option>
              </select>
            )}
          </FieldShell>
        </>
      )}
    </SimpleForm>
  );
}

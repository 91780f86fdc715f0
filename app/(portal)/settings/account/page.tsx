import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/server/session";
import { AutomationForm } from "@/components/auth/automation-form";
import { getDb } from "@/db/client";
import { getAutomation } from "@/lib/domain/automation";
import { ChangeEmailForm } from "@/components/auth/change-email-form";
import { changeEmailAction, changePasswordAction, removeManagingAccountAction, setManagingAccountAction } from "./actions";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const { user, actor } = await requireUser();
  const automation = getAutomation(getDb(), actor);
  return (
    <>
      <PageHeader title="Account settings" description="Your account and how you sign in." />
      <div className="space-y-6">
        <Card aria-labelledby="your-account">
          <h2 id="your-account" className="text-lg font-bold">Your account</h2>
          <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-muted">Username</dt>
            <dd>@{user.username}</dd>
            <dt className="text-muted">Name</dt>
            <dd>{user.name}</dd>
            <dt className="text-muted">E-mail</dt>
            <dd className="wrap-anywhere">{user.email}</dd>
            <dt className="text-muted">Role</dt>
            <dd>{user.isOperator ? "Operator (portal administrator)" : "Member"}</dd>
          </dl>
        </Card>
        <Card aria-labelledby="change-email">
          <h2 id="change-email" className="text-lg font-bold">Change e-mail</h2>
          <p className="mt-1 mb-4 text-sm text-muted">
            Where Application suspension notices, team invitations and other mail for @{user.username} go. We tell your current address when it
            changes.
          </p>
          <ChangeEmailForm action={changeEmailAction} />
        </Card>
        <Card aria-labelledby="automation">
          <h2 id="automation" className="text-lg font-bold">Automation</h2>
          <p className="mt-1 mb-4 text-sm text-muted">
            Is this a bot account? Add an automated-account label so people know who runs it. It shows on the profile and in API user objects.
          </p>
          <AutomationForm manager={automation?.managerUsername ?? null} setAction={setManagingAccountAction} removeAction={removeManagingAccountAction} />
        </Card>
        <Card aria-labelledby="change-password">
          <h2 id="change-password" className="text-lg font-bold">Change password</h2>
          <p className="mt-1 mb-4 text-sm text-muted">Changing your password signs you out everywhere else.</p>
          <ChangePasswordForm action={changePasswordAction} />
        </Card>
      </div>
    </>
  );
}

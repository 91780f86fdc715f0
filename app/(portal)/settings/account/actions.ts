"use server";
import { revalidatePath } from "next/cache";
import { removeManagingAccount, setManagingAccount } from "@/lib/domain/automation";
import { changeEmail } from "@/lib/domain/email-change";
import { changePassword } from "@/lib/domain/sessions";
import { validatedAction } from "@/lib/server/action";
import { changeEmailSchema, changePasswordSchema } from "@/lib/validation/account";
import { automationSchema, removeAutomationSchema } from "@/lib/validation/team";

export const changePasswordAction = validatedAction(changePasswordSchema, async ({ db, current, input }) => {
  const { endedSessions } = await changePassword(db, current.actor, current.sessionId, input);
  return {
    ok: true,
    message: `Password changed. ${endedSessions} other session${endedSessions === 1 ? " was" : "s were"} signed out.`,
  };
});

export const setManagingAccountAction = validatedAction(automationSchema, async ({ db, current, input }) => {
  const { managerUsername } = await setManagingAccount(db, current.actor, input);
  revalidatePath("/settings/account");
  return { ok: true, message: `Label applied: this account is now shown as "Automated by @${managerUsername}".` };
});

export const removeManagingAccountAction = validatedAction(removeAutomationSchema, async ({ db, current, input }) => {
  await removeManagingAccount(db, current.actor, input);
  revalidatePath("/settings/account");
  return { ok: true, message: "The automated-account label was removed." };
});

export const changeEmailAction = validatedAction(changeEmailSchema, async ({ db, current, input }) => {
  const { email } = await changeEmail(db, current.actor, input);
  revalidatePath("/settings/account");
  return { ok: true, message: `Your e-mail address is now ${email}. We told your previous address.` };
});

"use server";
import { changePassword } from "@/lib/domain/sessions";
import { validatedAction } from "@/lib/server/action";
import { changePasswordSchema } from "@/lib/validation/account";

export const changePasswordAction = validatedAction(changePasswordSchema, async ({ db, current, input }) => {
  const { endedSessions } = await changePassword(db, current.actor, current.sessionId, input);
  return {
    ok: true,
    message: `Password changed. ${endedSessions} other session${endedSessions === 1 ? " was" : "s were"} signed out.`,
  };
});

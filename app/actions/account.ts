"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getDeveloperAccount } from "@/lib/domain/developer-accounts";
import { validatedAction } from "@/lib/server/action";
import { ACCOUNT_COOKIE } from "@/lib/server/session";
import { safeCallbackPath } from "@/lib/validation/account";
import { switchAccountSchema } from "@/lib/validation/team";

/** Header switcher: remember which developer account (personal or team) the portal shows. */
export const switchAccountAction = validatedAction(switchAccountSchema, async ({ db, current, input }) => {
  const account = getDeveloperAccount(db, current.actor, input.accountId);
  (await cookies()).set(ACCOUNT_COOKIE, account.id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  redirect(safeCallbackPath(input.next));
});

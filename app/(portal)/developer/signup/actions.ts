"use server";
import { redirect } from "next/navigation";
import { signUpForDeveloperAccess } from "@/lib/domain/developer-accounts";
import { validatedAction } from "@/lib/server/action";
import { developerSignUpSchema } from "@/lib/validation/account";

export const signUpForDeveloperAccessAction = validatedAction(developerSignUpSchema, ({ db, current, input }) => {
  signUpForDeveloperAccess(db, current.actor, input);
  redirect("/dashboard");
});

"use server";
import { registerUser } from "@/lib/domain/registration";
import { publicAction } from "@/lib/server/action";
import { signUpSchema } from "@/lib/validation/account";

export const signUpAction = publicAction(signUpSchema, async ({ db, input, address }) => {
  await registerUser(db, input, address);
  return { ok: true };
});

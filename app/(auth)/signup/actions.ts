"use server";
import { createUser } from "@/lib/domain/users";
import { publicAction } from "@/lib/server/action";
import { signUpSchema } from "@/lib/validation/account";

export const signUpAction = publicAction(signUpSchema, async ({ db, input }) => {
  await createUser(db, input);
  return { ok: true };
});

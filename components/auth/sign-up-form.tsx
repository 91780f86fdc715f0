"use client";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { continueTo } from "./continue-to";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/forms/field";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";
import { signUpSchema, type SignUpInput } from "@/lib/validation/account";
import type { ClientAction } from "@/components/forms/use-action";

type Action = ClientAction<SignUpInput>;

export function SignUpForm({ action, callbackUrl }: { action: Action; callbackUrl: string }) {
  const router = useRouter();
  const [state, setState] = useState<ActionState | null>(null);
  const form = useForm<SignUpInput>({
    shouldFocusError: false,
    resolver: zodResolver(signUpSchema),
    defaultValues: { username: "", name: "", email: "", password: "" },
  });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  const { errors, isSubmitting } = form.formState;
  useServerErrors(state, form.setError, focusInvalid);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await action(null, values);
    setState(result);
    if (!result.ok) return;
    const res = await signIn("credentials", { identifier: values.username, password: values.password, redirect: false });
    continueTo(router, res?.error ? "/signin" : callbackUrl);
  }, focusInvalid);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
      <TextField
        label="Username"
        autoComplete="username"
        hint="1–15 letters, numbers or underscores. This is your @handle."
        error={errors.username?.message}
        {...form.register("username")}
      />
      <TextField label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField label="E-mail" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters, and not a common or easily guessed password."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}

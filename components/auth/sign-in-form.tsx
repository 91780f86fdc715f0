"use client";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { continueTo } from "./continue-to";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/forms/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { signInSchema, WRONG_CREDENTIALS, type SignInInput } from "@/lib/validation/account";

export function SignInForm({ callbackUrl, defaultIdentifier }: { callbackUrl: string; defaultIdentifier: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<SignInInput>({
    shouldFocusError: false,
    resolver: zodResolver(signInSchema),
    defaultValues: { identifier: defaultIdentifier, password: "" },
  });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const res = await signIn("credentials", { ...values, redirect: false });
    if (!res || res.error) {
      setMessage(!res?.error || res.error === "CredentialsSignin" ? WRONG_CREDENTIALS : res.error);
      return;
    }
    continueTo(router, callbackUrl);
  }, focusInvalid);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      {message && <Alert tone="error">{message}</Alert>}
      <TextField
        label="Username or e-mail"
        autoComplete="username"
        error={errors.identifier?.message}
        {...form.register("identifier")}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

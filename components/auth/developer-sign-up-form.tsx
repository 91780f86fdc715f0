"use client";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { TextAreaField } from "@/components/forms/field";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionState } from "@/lib/server/action";
import { developerSignUpSchema, USE_CASE_MAX, USE_CASE_MIN, type DeveloperSignUpInput } from "@/lib/validation/account";
import type { ClientAction } from "@/components/forms/use-action";

type Action = ClientAction<DeveloperSignUpInput>;

export function DeveloperSignUpForm({ action }: { action: Action }) {
  const [state, setState] = useState<ActionState | null>(null);
  const form = useForm<DeveloperSignUpInput>({
    shouldFocusError: false,
    resolver: zodResolver(developerSignUpSchema),
    defaultValues: { useCase: "", acceptAgreement: false as unknown as true },
  });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  const { errors, isSubmitting } = form.formState;
  const useCase = useWatch({ control: form.control, name: "useCase" }) ?? "";
  const count = useCase.trim().length;
  useServerErrors(state, form.setError, focusInvalid);

  const onSubmit = form.handleSubmit(async (values) => setState(await action(null, values)), focusInvalid);

  return (
    <Card>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-5">
        {state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
        <TextAreaField
          label="Describe your use case"
          rows={6}
          maxLength={USE_CASE_MAX}
          error={errors.useCase?.message}
          hint={
            <span aria-live="polite" className={count >= USE_CASE_MIN ? "text-success" : undefined}>
              {count} / {USE_CASE_MIN} characters minimum
              {count < USE_CASE_MIN ? ` — ${USE_CASE_MIN - count} to go` : " — looks good"}
            </span>
          }
          {...form.register("useCase")}
        />
        <div className="space-y-1.5">
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              className="mt-1 size-4 accent-accent"
              aria-invalid={errors.acceptAgreement ? true : undefined}
              aria-describedby="agreement-error"
              {...form.register("acceptAgreement")}
            />
            <span>
              I accept the{" "}
              <Link href="/developer-agreement" target="_blank" rel="noopener" className="font-semibold text-link">
                Developer Agreement and Policy<span className="sr-only"> (opens in a new tab)</span>
              </Link>
              : I will use the platform as described above,
              keep my keys and tokens secret, and respect users&apos; privacy and the automation rules.
            </span>
          </label>
          <p id="agreement-error" aria-live="polite" className="text-sm text-danger">
            {errors.acceptAgreement?.message}
          </p>
        </div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Submitting…" : "Get developer access"}
        </Button>
      </form>
    </Card>
  );
}

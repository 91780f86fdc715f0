"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SecretsPanel } from "@/components/credentials/secrets-panel";
import { FieldShell, TextField } from "@/components/forms/field";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";
import { createAppSchema, type CreateAppInput } from "@/lib/validation/app";
import { ENVIRONMENTS } from "@/lib/validation/enums";
import type { CreatedAppData } from "@/lib/domain/apps";

type Action = (prev: ActionState<CreatedAppData> | null, input: CreateAppInput & { accountId: string }) => Promise<ActionState<CreatedAppData>>;

/** Name and environment; on success the new keys are shown once, here, and nowhere else. */
export function CreateAppForm({ action, accountId, projectId }: { action: Action; accountId: string; projectId?: string }) {
  const [state, setState] = useState<ActionState<CreatedAppData> | null>(null);
  const form = useForm<CreateAppInput>({ resolver: zodResolver(createAppSchema), defaultValues: { name: "", environment: "development", projectId } });
  const { errors, isSubmitting } = form.formState;
  useServerErrors(state, form.setError);

  if (state?.ok && state.data) {
    const d = state.data;
    return (
      <div className="space-y-5">
        <h2 className="text-xl font-bold">Here are your keys for {d.name}</h2>
        <SecretsPanel
          fileName={`${d.name.replace(/[^A-Za-z0-9_-]+/g, "-")}.env`}
          items={[
            { label: "API Key", envName: "API_KEY", value: d.apiKey },
            { label: "API Key Secret", envName: "API_KEY_SECRET", value: d.apiKeySecret },
            { label: "Bearer Token", envName: "BEARER_TOKEN", value: d.bearerToken },
          ]}
        />
        <Link href={`/apps/${d.appId}`} className={buttonClass("primary")}>
          Go to App settings
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={form.handleSubmit(async (v) => setState(await action(null, { ...v, accountId })))} noValidate className="space-y-4">
      {state && !state.ok && !state.fieldErrors && <Alert tone="error">{state.message}</Alert>}
      <TextField label="App name" maxLength={32} hint="Unique across the platform, up to 32 characters. Shown to users who authorize your App." error={errors.name?.message} {...form.register("name")} />
      <FieldShell label="Environment" error={errors.environment?.message}>
        {({ id, describedBy }) => (
          <select id={id} aria-describedby={describedBy} className="w-full rounded-lg border border-border bg-surface px-3 py-2" {...form.register("environment")}>
            {ENVIRONMENTS.map((e) => (
              <option key={e} value={e}>
                {e[0]!.toUpperCase() + e.slice(1)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create App"}
      </Button>
    </form>
  );
}

"use client";
import { useFocusFirstInvalid } from "@/components/forms/use-focus-first-invalid";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ConfirmDialog } from "@/components/credentials/confirm-dialog";
import { SecretsDialog } from "@/components/credentials/secrets-dialog";
import type { SecretItem } from "@/components/credentials/secrets-panel";
import { ErrorSummary } from "@/components/forms/error-summary";
import { StaleNotice } from "@/components/forms/stale-notice";
import { useServerErrors } from "@/components/forms/use-server-errors";
import { useVersionedForm } from "@/components/forms/use-versioned-form";
import { APP_FIELD_LABELS } from "@/components/apps/field-labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AuthSettingsValues } from "@/lib/domain/auth-settings";
import type { ActionState } from "@/lib/server/action";
import { authSettingsSchema, isConfidential, type AuthSettingsInput, type SaveAuthSettingsInput } from "@/lib/validation/auth-settings";
import { AppInfoSection } from "./app-info-section";
import { AppTypeSection } from "./app-type-section";
import { permissionLevel } from "./labels";
import { MethodsSection } from "./methods-section";
import { PermissionsSection } from "./permissions-section";

type Saved = { clientId: string; clientSecret: string | null; version: string };
type Action = (prev: null, input: SaveAuthSettingsInput) => Promise<ActionState<Saved>>;

const toForm = (v: Omit<AuthSettingsValues, "appId">): AuthSettingsInput =>
  ({
    ...v,
    callbackUrls: v.callbackUrls.length ? v.callbackUrls.map((url) => ({ url })) : [{ url: "" }],
  }) as AuthSettingsInput;

/** The fields in the order the form shows them. */
const ORDER = ["oauth2Enabled", "oauth1Enabled", "permission", "requestEmail", "appType", "callbackUrls", "websiteUrl", "termsUrl", "privacyUrl", "signInWithX"];

/** User authentication settings: one form, one schema (shared with the server action), sections below. */
export function AuthSettingsForm({ saved, version, action }: { saved: AuthSettingsValues; version: string; action: Action }) {
  const router = useRouter();
  const [state, setState] = useState<ActionState<Saved> | null>(null);
  const [pendingValues, setPendingValues] = useState<AuthSettingsInput | null>(null);
  const [secrets, setSecrets] = useState<SecretItem[] | null>(null);
  const form = useForm<AuthSettingsInput>({ shouldFocusError: false, resolver: zodResolver(authSettingsSchema), defaultValues: toForm(saved) });
  const { ref: formRef, focus: focusInvalid } = useFocusFirstInvalid();
  const versioned = useVersionedForm(form, version, (values) => ({ ...toForm(values as AuthSettingsValues), appId: saved.appId }));
  const [oauth1, oauth2, permission] = useWatch({ control: form.control, name: ["oauth1Enabled", "oauth2Enabled", "permission"] });
  useServerErrors(state, form.setError, focusInvalid);

  const save = async (values: AuthSettingsInput) => {
    const result = await action(null, { ...versioned.request(values), appId: saved.appId }).catch(() => ({ ok: false as const, message: "Something went wrong. Try again." }));
    setState(result);
    setPendingValues(null);
    if (!versioned.settle(result, values) || !result.ok) return;
    if (result.data?.clientSecret) {
      setSecrets([
        { label: "Client ID", envName: "CLIENT_ID", value: result.data.clientId },
        { label: "Client Secret", envName: "CLIENT_SECRET", value: result.data.clientSecret },
      ]);
    }
    router.refresh();
  };
  // A permission change ends every user token: ask first.
  const onSubmit = form.handleSubmit((values) => (values.permission !== saved.permission ? setPendingValues(values) : save(values)), focusInvalid);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      {form.formState.submitCount > 0 && <ErrorSummary errors={form.formState.errors} order={ORDER} labels={APP_FIELD_LABELS} formRef={formRef} />}
      <MethodsSection form={form} />
      {oauth1 && <PermissionsSection form={form} savedPermission={saved.permission} />}
      {oauth2 && <AppTypeSection form={form} hadSecret={saved.oauth2Enabled && isConfidential(saved.appType)} />}
      <AppInfoSection form={form} />
      <div className="space-y-3">
        {state?.ok && <Alert tone="success">{state.message}</Alert>}
        {versioned.stale ? (
          <StaleNotice message="This App changed since you opened it" stale={versioned.stale} labels={APP_FIELD_LABELS} onReload={versioned.reload} />
        ) : (
          state && !state.ok && <Alert tone="error">{state.message}</Alert>
        )}
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : "Save"}
        </Button>
      </div>
      <ConfirmDialog
        open={pendingValues !== null}
        title="Change the App permissions?"
        confirmLabel="Change permissions"
        onConfirm={() => pendingValues && save(pendingValues)}
        onClose={() => setPendingValues(null)}
      >
        <p>
          From <strong>{permissionLevel(saved.permission)}</strong> to <strong>{permissionLevel(permission)}</strong>.
        </p>
        <p>
          Every user token issued to this App will stop working — the owner&apos;s Access Token included — and users must authorize the
          App again. Regenerate the owner&apos;s Access Token on the Keys and tokens page afterwards.
        </p>
      </ConfirmDialog>
      <SecretsDialog title="Your OAuth 2.0 Client ID and Client Secret" items={secrets} fileName="oauth2-client.env" onClose={() => setSecrets(null)} />
    </form>
  );
}

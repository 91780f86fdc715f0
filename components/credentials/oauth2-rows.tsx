"use client";
import Link from "next/link";
import { useState } from "react";
import { appTypeLabel } from "@/components/auth-settings/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { KeysOverview } from "@/lib/domain/keys";
import type { ActionState } from "@/lib/server/action";
import { isConfidential } from "@/lib/validation/auth-settings";
import type { GracePeriod, RegenerateWithGraceInput } from "@/lib/validation/keys";
import { ConfirmDialog } from "./confirm-dialog";
import { CredentialRow, Meta } from "./credential-row";
import { formatUtc } from "./format";
import { GraceNotice, type EndGraceAction } from "./grace-notice";
import { GraceSelect } from "./grace-select";
import { CopyButton } from "./secrets-panel";
import { SecretsDialog } from "./secrets-dialog";
import { useCredentialAction } from "./use-credential-action";

interface Props {
  keys: Pick<KeysOverview, "appId" | "clientId" | "appType" | "clientSecret" | "previousClientSecret">;
  regenerate: (prev: null, input: RegenerateWithGraceInput) => Promise<ActionState<{ clientId: string; clientSecret: string }>>;
  endGrace: EndGraceAction;
}

/** OAuth 2.0 Client ID (while OAuth 2.0 is on) and Client Secret (confidential clients only). */
export function OAuth2Rows({ keys, regenerate, endGrace }: Props) {
  const [open, setOpen] = useState(false);
  const [grace, setGrace] = useState<GracePeriod>("none");
  const { run, pending, error, shown, closeSecrets } = useCredentialAction();
  const settings = `/apps/${keys.appId}/auth-settings`;

  if (!keys.clientId) {
    return (
      <p className="text-sm text-muted">
        OAuth 2.0 is off for this App.{" "}
        <Link href={settings} className="text-link underline">
          Set up user authentication
        </Link>{" "}
        to get a Client ID.
      </p>
    );
  }
  const confirm = async () => {
    const ok = await run(
      () => regenerate(null, { appId: keys.appId, grace }),
      (d) => ({
        title: "Your new OAuth 2.0 Client Secret",
        fileName: "oauth2-client.env",
        items: [
          { label: "Client ID", envName: "CLIENT_ID", value: d.clientId },
          { label: "Client Secret", envName: "CLIENT_SECRET", value: d.clientSecret },
        ],
      }),
    );
    if (ok) {
      setOpen(false);
      setGrace("none");
    }
  };

  return (
    <>
      <CredentialRow title="Client ID" description="Identifies your App in the OAuth 2.0 Authorization Code with PKCE flow. It is not a secret.">
        <div className="flex flex-wrap items-center gap-2">
          <code data-testid="client-id" className="rounded bg-surface-2 px-2 py-1 font-mono break-all">
            {keys.clientId}
          </code>
          <CopyButton value={keys.clientId} label="Client ID" />
        </div>
      </CredentialRow>
      {isConfidential(keys.appType) ? (
        <CredentialRow
          title="Client Secret"
          description={`Your ${appTypeLabel(keys.appType!)} is a confidential client: it authenticates to the token endpoint with its Client ID and Client Secret.`}
          actions={
            <Button variant="secondary" onClick={() => setOpen(true)} aria-label="Regenerate Client Secret">
              Regenerate
            </Button>
          }
        >
          {keys.clientSecret && (
            <>
              <Meta label="Client Secret">
                <code className="font-mono">{keys.clientSecret.hint}</code>
              </Meta>
              <Meta label="Created">{formatUtc(keys.clientSecret.createdAt)}</Meta>
            </>
          )}
          {keys.previousClientSecret && (
            <GraceNotice
              appId={keys.appId}
              kind="client_secret"
              what="Client Secret"
              hint={keys.previousClientSecret.hint}
              expiresAt={keys.previousClientSecret.expiresAt}
              action={endGrace}
            />
          )}
          <ConfirmDialog
            open={open}
            title="Regenerate the Client Secret?"
            confirmLabel="Yes, regenerate"
            pending={pending}
            error={error}
            onConfirm={confirm}
            onClose={() => setOpen(false)}
          >
            <p>Token requests authenticated with the current Client Secret will fail. Issued user tokens stay valid.</p>
            <GraceSelect value={grace} onChange={setGrace} what="Client Secret" />
            {grace !== "none" && <Alert tone="info">Both secrets work until the grace period ends.</Alert>}
          </ConfirmDialog>
          <SecretsDialog title={shown?.title ?? ""} items={shown?.items ?? null} fileName={shown?.fileName ?? ""} onClose={closeSecrets} />
        </CredentialRow>
      ) : (
        <CredentialRow
          title="Client Secret"
          description={
            keys.appType
              ? `A ${appTypeLabel(keys.appType)} is a public client: it cannot keep a secret, so it has no Client Secret. It sends its Client ID with PKCE.`
              : "Choose a type of App in User authentication settings."
          }
        />
      )}
    </>
  );
}

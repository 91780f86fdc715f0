"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { KeysOverview } from "@/lib/domain/keys";
import type { ActionState } from "@/lib/server/action";
import type { KeyActionInput } from "@/lib/validation/keys";
import { ConfirmDialog } from "./confirm-dialog";
import { TokenActions } from "./token-actions";
import { CredentialRow, Meta } from "./credential-row";
import { formatUtc } from "./format";
import { SecretsDialog } from "./secrets-dialog";
import { useCredentialAction } from "./use-credential-action";

interface Props {
  appId: string;
  bearer: KeysOverview["bearer"];
  regenerate: (prev: null, input: KeyActionInput) => Promise<ActionState<{ bearerToken: string }>>;
  revoke: (prev: null, input: KeyActionInput) => Promise<ActionState>;
}

/** The App-only Bearer token: hint, regenerate (old one stops at once), revoke. */
export function BearerTokenRow({ appId, bearer, regenerate, revoke }: Props) {
  const [confirming, setConfirming] = useState<"regenerate" | "revoke" | null>(null);
  const { run, pending, error, notice, shown, closeSecrets } = useCredentialAction();

  const generate = async () => {
    const ok = await run(
      () => regenerate(null, { appId }),
      (d) => ({ title: "Your new Bearer Token", fileName: "bearer-token.env", items: [{ label: "Bearer Token", envName: "BEARER_TOKEN", value: d.bearerToken }] }),
    );
    if (ok) setConfirming(null);
  };
  const doRevoke = async () => {
    if (await run(() => revoke(null, { appId }))) setConfirming(null);
  };

  return (
    <CredentialRow
      title="Bearer Token"
      description="App-only authentication: read information that is public on the platform, as your App rather than as a user."
      actions={<TokenActions what="Bearer Token" exists={Boolean(bearer)} pending={pending} onGenerate={generate} onConfirm={setConfirming} />}
    >
      {bearer ? (
        <>
          <Meta label="Token">
            <code className="font-mono">{bearer.hint}</code>
          </Meta>
          <Meta label="Created">{formatUtc(bearer.createdAt)}</Meta>
        </>
      ) : (
        <p className="text-muted">No Bearer Token. Generate one, or exchange your API Key and Secret at POST /oauth2/token.</p>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && !confirming && <Alert tone="error">{error}</Alert>}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === "revoke" ? "Revoke the Bearer Token?" : "Regenerate the Bearer Token?"}
        confirmLabel={confirming === "revoke" ? "Yes, revoke" : "Yes, regenerate"}
        pending={pending}
        error={error}
        onConfirm={confirming === "revoke" ? doRevoke : generate}
        onClose={() => setConfirming(null)}
      >
        <p>
          {confirming === "revoke"
            ? "Requests using the current Bearer Token will fail. You can generate a new one at any time."
            : "Requests using the current Bearer Token will fail at once. You get a new token to use instead."}
        </p>
      </ConfirmDialog>
      <SecretsDialog title={shown?.title ?? ""} items={shown?.items ?? null} fileName={shown?.fileName ?? ""} onClose={closeSecrets} />
    </CredentialRow>
  );
}

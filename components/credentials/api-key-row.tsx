"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { KeysOverview } from "@/lib/domain/keys";
import type { ActionState } from "@/lib/server/action";
import type { GracePeriod, RegenerateWithGraceInput } from "@/lib/validation/keys";
import { ConfirmDialog } from "./confirm-dialog";
import { CredentialRow, Meta } from "./credential-row";
import { formatUtc } from "./format";
import { GraceNotice, type EndGraceAction } from "./grace-notice";
import { GraceSelect } from "./grace-select";
import { SecretsDialog } from "./secrets-dialog";
import { useCredentialAction } from "./use-credential-action";

type RegenerateAction = (prev: null, input: RegenerateWithGraceInput) => Promise<ActionState<{ apiKey: string; apiKeySecret: string }>>;

interface Props {
  appId: string;
  apiKey: KeysOverview["apiKey"];
  previous: KeysOverview["previousApiKey"];
  regenerate: RegenerateAction;
  endGrace: EndGraceAction;
}

/** API Key and Secret: "reveal API Key hint", created date, regenerate (optionally with a grace period). */
export function ApiKeyRow({ appId, apiKey, previous, regenerate, endGrace }: Props) {
  const [revealed, setRevealed] = useState(false);
  const [open, setOpen] = useState(false);
  const [grace, setGrace] = useState<GracePeriod>("none");
  const { run, pending, error, shown, closeSecrets } = useCredentialAction();

  const confirm = async () => {
    const ok = await run(
      () => regenerate(null, { appId, grace }),
      (d) => ({
        title: "Your new API Key and Secret",
        fileName: "api-key.env",
        items: [
          { label: "API Key", envName: "API_KEY", value: d.apiKey },
          { label: "API Key Secret", envName: "API_KEY_SECRET", value: d.apiKeySecret },
        ],
      }),
    );
    if (ok) {
      setOpen(false);
      setGrace("none");
      setRevealed(false);
    }
  };

  return (
    <CredentialRow
      title="API Key and Secret"
      description="Think of these as the user name and password of your App: they sign OAuth 1.0a requests and get App-only and user Access Tokens."
      actions={
        <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`${apiKey ? "Regenerate" : "Generate"} API Key and Secret`}>
          {apiKey ? "Regenerate" : "Generate"}
        </Button>
      }
    >
      {apiKey ? (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="ghost" className="min-h-8 px-3 text-xs" aria-expanded={revealed} onClick={() => setRevealed((r) => !r)}>
              {revealed ? "Hide API Key hint" : "Reveal API Key hint"}
            </Button>
            {revealed && (
              <code data-testid="api-key-hint" className="rounded bg-surface-2 px-2 py-1 font-mono">
                {apiKey.hint}
              </code>
            )}
          </div>
          <Meta label="API Key Secret">
            <code className="font-mono">{apiKey.secretHint}</code>
          </Meta>
          <Meta label="Created">{formatUtc(apiKey.createdAt)}</Meta>
        </>
      ) : (
        <p className="text-muted">No API Key yet.</p>
      )}
      {previous && <GraceNotice appId={appId} kind="consumer" what="API Key" hint={previous.hint} expiresAt={previous.expiresAt} action={endGrace} />}
      <ConfirmDialog
        open={open}
        title="Regenerate API Key and Secret?"
        confirmLabel="Yes, regenerate"
        pending={pending}
        error={error}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      >
        <p>
          Requests signed with the current API Key and Secret will fail. User Access Tokens stay valid but must be signed with the new
          pair.
        </p>
        <GraceSelect value={grace} onChange={setGrace} what="API Key and Secret" />
        {grace !== "none" && <Alert tone="info">Both pairs work until the grace period ends.</Alert>}
      </ConfirmDialog>
      <SecretsDialog title={shown?.title ?? ""} items={shown?.items ?? null} fileName={shown?.fileName ?? ""} onClose={closeSecrets} />
    </CredentialRow>
  );
}

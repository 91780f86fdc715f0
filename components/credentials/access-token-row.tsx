"use client";
import Link from "next/link";
import { useState } from "react";
import { permissionLevel } from "@/components/auth-settings/labels";
import { Alert } from "@/components/ui/alert";
import type { KeysOverview } from "@/lib/domain/keys";
import type { ActionState } from "@/lib/server/action";
import type { Permission } from "@/lib/validation/enums";
import type { KeyActionInput } from "@/lib/validation/keys";
import { ConfirmDialog } from "./confirm-dialog";
import { TokenActions } from "./token-actions";
import { CredentialRow, Meta } from "./credential-row";
import { formatUtc } from "./format";
import { SecretsDialog } from "./secrets-dialog";
import { useCredentialAction } from "./use-credential-action";

type Generated = { accessToken: string; accessTokenSecret: string; accessLevel: Permission };

interface Props {
  appId: string;
  owner: string;
  permission: Permission;
  token: KeysOverview["accessToken"];
  generate: (prev: null, input: KeyActionInput) => Promise<ActionState<Generated>>;
  revoke: (prev: null, input: KeyActionInput) => Promise<ActionState>;
}

/** The App owner's Access Token and Secret, with the access level it was created with. */
export function AccessTokenRow({ appId, owner, permission, token, generate, revoke }: Props) {
  const [confirming, setConfirming] = useState<"regenerate" | "revoke" | null>(null);
  const { run, pending, error, notice, shown, closeSecrets } = useCredentialAction();

  const doGenerate = async () => {
    const ok = await run(
      () => generate(null, { appId }),
      (d) => ({
        title: `Access Token and Secret for @${owner}`,
        fileName: "access-token.env",
        items: [
          { label: "Access Token", envName: "ACCESS_TOKEN", value: d.accessToken },
          { label: "Access Token Secret", envName: "ACCESS_TOKEN_SECRET", value: d.accessTokenSecret },
        ],
      }),
    );
    if (ok) setConfirming(null);
  };
  const doRevoke = async () => {
    if (await run(() => revoke(null, { appId }))) setConfirming(null);
  };

  return (
    <CredentialRow
      title="Access Token and Secret"
      description={
        <>
          For <strong className="text-fg">@{owner}</strong>, the App&apos;s owner: sign OAuth 1.0a requests on the owner&apos;s behalf. To act for
          other users, have them authorize your App.
        </>
      }
      actions={<TokenActions what="Access Token and Secret" exists={Boolean(token)} pending={pending} onGenerate={doGenerate} onConfirm={setConfirming} />}
    >
      {token ? (
        <>
          <Meta label="Token">
            <code className="font-mono">{token.hint}</code>
          </Meta>
          <p>
            Created with <strong>{permissionLevel(token.accessLevel)}</strong> permissions · {formatUtc(token.createdAt)}
          </p>
          {token.outdated && (
            <Alert tone="warning">
              The App&apos;s permissions are now <strong>{permissionLevel(permission)}</strong>. Regenerate this token to use them — it still
              works with {permissionLevel(token.accessLevel)} only.
            </Alert>
          )}
        </>
      ) : (
        <p className="text-muted">
          No Access Token. It will be created with <strong className="text-fg">{permissionLevel(permission)}</strong> permissions (
          <Link href={`/apps/${appId}/auth-settings`} className="text-link underline">
            change
          </Link>
          ).
        </p>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && !confirming && <Alert tone="error">{error}</Alert>}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === "revoke" ? "Revoke the Access Token and Secret?" : "Regenerate the Access Token and Secret?"}
        confirmLabel={confirming === "revoke" ? "Yes, revoke" : "Yes, regenerate"}
        pending={pending}
        error={error}
        onConfirm={confirming === "revoke" ? doRevoke : doGenerate}
        onClose={() => setConfirming(null)}
      >
        <p>
          Requests signed with the current Access Token and Secret will fail at once.
          {confirming === "regenerate" && ` The new token gets the App's current ${permissionLevel(permission)} permissions.`}
        </p>
      </ConfirmDialog>
      <SecretsDialog title={shown?.title ?? ""} items={shown?.items ?? null} fileName={shown?.fileName ?? ""} onClose={closeSecrets} />
    </CredentialRow>
  );
}

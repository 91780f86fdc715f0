import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AccessTokenRow } from "@/components/credentials/access-token-row";
import { ApiKeyRow } from "@/components/credentials/api-key-row";
import { BearerTokenRow } from "@/components/credentials/bearer-token-row";
import { OAuth2Rows } from "@/components/credentials/oauth2-rows";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/db/client";
import { DomainError } from "@/lib/domain/errors";
import { getKeysOverview } from "@/lib/domain/keys";
import { loadOrNotFound } from "@/lib/server/pages";
import { requireDeveloper } from "@/lib/server/session";
import {
  endGracePeriodAction,
  generateAccessTokenAction,
  regenerateApiKeyAction,
  regenerateBearerTokenAction,
  regenerateClientSecretAction,
  revokeAccessTokenAction,
  revokeBearerTokenAction,
} from "./actions";

export const metadata: Metadata = { title: "Keys and tokens" };

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={id}>
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      <p className="mt-1 mb-5 text-sm text-muted">{description}</p>
      <div>{children}</div>
    </Card>
  );
}

/** Keys and tokens: hints and dates only; new secrets arrive in the action's response and are shown once. */
export default async function KeysPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const { actor } = await requireDeveloper();
  const keys = loadOrNotFound(() => {
    try {
      return getKeysOverview(getDb(), actor, { appId });
    } catch (err) {
      if (err instanceof DomainError && err.code === "forbidden") return null;
      throw err;
    }
  });
  if (!keys) {
    return <EmptyState title="Keys and tokens">Only the App&apos;s owner or a team admin can see and manage this App&apos;s keys and tokens.</EmptyState>;
  }
  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">
        Keys and tokens are shown once, when they are created. Save them in a password manager; afterwards you only see a hint to match
        them to this App.
      </p>
      <Section id="consumer-keys" title="Consumer Keys" description="Your App's own credentials.">
        <ApiKeyRow appId={keys.appId} apiKey={keys.apiKey} previous={keys.previousApiKey} regenerate={regenerateApiKeyAction} endGrace={endGracePeriodAction} />
      </Section>
      <Section id="auth-tokens" title="Authentication Tokens" description="Tokens for App-only requests and for requests as the App's owner.">
        <BearerTokenRow appId={keys.appId} bearer={keys.bearer} regenerate={regenerateBearerTokenAction} revoke={revokeBearerTokenAction} />
        <AccessTokenRow
          appId={keys.appId}
          owner={keys.ownerUsername}
          permission={keys.permission}
          token={keys.accessToken}
          generate={generateAccessTokenAction}
          revoke={revokeAccessTokenAction}
        />
      </Section>
      <Section
        id="oauth2-keys"
        title="OAuth 2.0 Client ID and Client Secret"
        description="For the OAuth 2.0 Authorization Code with PKCE flow, with fine-grained scopes."
      >
        <OAuth2Rows keys={keys} regenerate={regenerateClientSecretAction} endGrace={endGracePeriodAction} />
      </Section>
    </div>
  );
}

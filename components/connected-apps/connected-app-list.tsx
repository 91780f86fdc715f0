import Link from "next/link";
import { AppIcon } from "@/components/apps/app-icon";
import { formatUtc } from "@/components/credentials/format";
import { EmptyState } from "@/components/ui/empty-state";
import type { ConnectedApp } from "@/lib/domain/connected-apps";
import { AccessSummary } from "./access-summary";
import { RevokeAccessButton } from "./revoke-access-button";
import type { ClientAction } from "@/components/forms/use-action";

type Action = ClientAction<{ appId: string }>;

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** The Apps a user has authorized, each with what it may do, since when, and Revoke access. */
export function ConnectedAppList({ apps, action }: { apps: ConnectedApp[]; action: Action }) {
  if (apps.length === 0) {
    return (
      <EmptyState title="No connected apps">
        When you authorize an App to use your account (with OAuth 1.0a or OAuth 2.0), it shows up here and you can revoke its access.
      </EmptyState>
    );
  }
  return (
    <ul className="space-y-4" aria-label="Connected apps">
      {apps.map((c) => (
        <li key={c.app.id} aria-labelledby={`connected-${c.app.id}`} className="rounded-2xl border border-border bg-surface p-5 sm:p-6">
          <div className="flex flex-wrap items-start gap-4">
            <AppIcon app={c.app} size="size-12" />
            <div className="min-w-48 flex-1">
              <h2 id={`connected-${c.app.id}`} className="text-lg font-bold wrap-anywhere">
                {c.app.name}
                {c.app.suspended && <span className="ml-2 rounded-full bg-danger-soft px-2 py-0.5 align-middle text-xs font-semibold text-danger">Suspended</span>}
              </h2>
              {c.app.description && <p className="mt-1 text-sm wrap-anywhere text-muted">{c.app.description}</p>}
              {isWebUrl(c.app.websiteUrl) && (
                <Link href={c.app.websiteUrl} rel="noopener noreferrer nofollow" className="mt-1 inline-block text-sm text-link underline-offset-2 hover:underline">
                  {c.app.websiteUrl.replace(/^https?:\/\//i, "").replace(/\/$/, "")}
                </Link>
              )}
              <p className="mt-2 text-xs text-muted">
                Authorized <time dateTime={new Date(c.authorizedAt).toISOString()}>{formatUtc(c.authorizedAt)}</time>
                {formatUtc(c.updatedAt) !== formatUtc(c.authorizedAt) && (
                  <>
                    {" · "}last changed <time dateTime={new Date(c.updatedAt).toISOString()}>{formatUtc(c.updatedAt)}</time>
                  </>
                )}
              </p>
            </div>
            <RevokeAccessButton action={action} appId={c.app.id} appName={c.app.name} />
          </div>
          <div className="mt-4 border-t border-border pt-4">
            <AccessSummary level={c.oauth1AccessLevel} scopes={c.oauth2Scopes} />
          </div>
        </li>
      ))}
    </ul>
  );
}

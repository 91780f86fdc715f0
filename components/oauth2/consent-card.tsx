import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { Scope } from "@/lib/oauth2/scopes";
import { SCOPES } from "@/lib/oauth2/scopes";
import { AppIdentity, ExternalLink, urlHost, type ConsentApp } from "./app-identity";
import { SwitchAccount } from "./switch-account";

interface Props {
  app: ConsentApp;
  scopes: Scope[];
  user: { username: string; name: string };
  platformName: string;
  /** The authorize request, carried back in hidden fields and bound to `ticket`. */
  fields: Record<string, string>;
  ticket: string;
  returnTo: string;
}

function Check() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" className="mt-0.5 size-4 shrink-0 text-success" aria-hidden="true">
      <path d="m5 12 5 5 9-10" />
    </svg>
  );
}

/** The OAuth 2.0 consent screen: who asks, for what, as whom; Authorize or Cancel (a CSRF-bound POST). */
export function ConsentCard({ app, scopes, user, platformName, fields, ticket, returnTo }: Props) {
  return (
    <Card className="space-y-6">
      <h1 className="text-2xl font-bold">
        {app.name} wants to access your {platformName} account
      </h1>
      <AppIdentity app={app} />

      <section aria-labelledby="scopes-heading" className="space-y-3">
        <h2 id="scopes-heading" className="text-base font-bold">
          This App will be able to:
        </h2>
        <ul className="space-y-2">
          {scopes.map((scope) => (
            <li key={scope} className="flex gap-2 text-sm">
              <Check />
              <span>{SCOPES[scope]}</span>
            </li>
          ))}
        </ul>
      </section>

      <div className="flex items-center justify-between gap-3 rounded-xl border border-border bg-surface-2 px-4 py-3">
        <div className="flex min-w-0 items-center gap-3">
          <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-fg text-sm font-bold text-bg">
            {user.username.slice(0, 1).toUpperCase()}
          </span>
          <div className="min-w-0">
            <p className="truncate text-sm font-bold">{user.name}</p>
            <p className="truncate text-sm text-muted">Signed in as @{user.username}</p>
          </div>
        </div>
        <SwitchAccount returnTo={returnTo} />
      </div>

      <form method="post" action="/i/oauth2/authorize/decision" className="space-y-3">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="ticket" value={ticket} />
        <Button type="submit" name="decision" value="approve" className="w-full">
          Authorize app
        </Button>
        <Button type="submit" name="decision" value="cancel" variant="secondary" className="w-full">
          Cancel
        </Button>
      </form>

      <div className="space-y-2 text-xs text-muted">
        <p>
          Authorizing sends you to <span className="font-semibold text-fg">{urlHost(fields.redirect_uri ?? "")}</span>. You can revoke
          access at any time from Connected apps in your account settings.
        </p>
        {(app.privacyUrl || app.termsUrl) && (
          <p className="flex flex-wrap gap-x-4">
            {app.privacyUrl && <ExternalLink href={app.privacyUrl}>Privacy policy</ExternalLink>}
            {app.termsUrl && <ExternalLink href={app.termsUrl}>Terms of service</ExternalLink>}
          </p>
        )}
      </div>
    </Card>
  );
}

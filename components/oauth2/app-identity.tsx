import { AppIcon } from "@/components/apps/app-icon";
import type { App } from "@/lib/domain/app-credentials";

export type ConsentApp = Pick<App, "id" | "name" | "description" | "websiteUrl" | "organizationName" | "organizationUrl" | "iconVersion" | "privacyUrl" | "termsUrl">;

const host = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Only http(s) URLs become links; anything else is shown as text. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

function ExternalLink({ href, children }: { href: string; children: string }) {
  const safe = safeHref(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" className="text-link underline-offset-2 hover:underline">
      {children}
    </a>
  );
}

/** Who is asking: icon, name, organization, website and description. */
export function AppIdentity({ app }: { app: ConsentApp }) {
  return (
    <div className="flex items-start gap-4">
      <AppIcon app={app} size="size-14" shape="circle" tone="accent" />
      <div className="min-w-0 space-y-1">
        <p className="text-lg font-bold break-words">{app.name}</p>
        {app.organizationName && (
          <p className="text-sm text-muted">
            by {app.organizationUrl ? <ExternalLink href={app.organizationUrl}>{app.organizationName}</ExternalLink> : app.organizationName}
          </p>
        )}
        {app.websiteUrl && (
          <p className="text-sm">
            <ExternalLink href={app.websiteUrl}>{host(app.websiteUrl)}</ExternalLink>
          </p>
        )}
        {app.description && <p className="text-sm break-words text-muted">{app.description}</p>}
      </div>
    </div>
  );
}

export { host as urlHost, ExternalLink };

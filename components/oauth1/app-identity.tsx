import type { ConsentApp } from "@/lib/domain/oauth1";
import { AppIcon } from "@/components/apps/app-icon";
import { webUrl } from "./web-url";

const linkClass = "font-semibold text-link underline-offset-2 hover:underline";
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Who is asking: icon, name, description, website and organization. */
export function AppIdentity({ app, heading }: { app: ConsentApp; heading: string }) {
  const website = webUrl(app.websiteUrl);
  const organizationUrl = webUrl(app.organizationUrl);
  return (
    <div className="flex flex-col items-center text-center">
      <AppIcon app={app} size="size-16" shape="circle" tone="accent" />
      <h1 className="mt-4 text-2xl font-bold text-balance">{heading}</h1>
      {app.description && <p className="mt-2 text-sm text-muted">{app.description}</p>}
      <dl className="mt-3 flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm">
        {website && (
          <div className="flex gap-1">
            <dt className="text-muted">Website</dt>
            <dd>
              <a className={linkClass} href={website} target="_blank" rel="noopener noreferrer">
                {hostOf(website)}
              </a>
            </dd>
          </div>
        )}
        {app.organizationName && (
          <div className="flex gap-1">
            <dt className="text-muted">By</dt>
            <dd>
              {organizationUrl ? (
                <a className={linkClass} href={organizationUrl} target="_blank" rel="noopener noreferrer">
                  {app.organizationName}
                </a>
              ) : (
                app.organizationName
              )}
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}

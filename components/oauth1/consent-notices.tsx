import { Card } from "@/components/ui/card";
import { INVALID_REQUEST_TOKEN_MESSAGE, type ConsentApp } from "@/lib/domain/oauth1";
import { STORAGE_UNAVAILABLE_MESSAGE } from "@/lib/domain/storage-health";
import { webUrl } from "./web-url";

const [WHOA, ...REST] = INVALID_REQUEST_TOKEN_MESSAGE.split("! ");

/** X's page for a used, denied, unknown or stale request token. */
export function InvalidRequestToken() {
  return (
    <Card className="text-center">
      <h1 className="text-2xl font-bold">{WHOA}!</h1>
      <p className="mt-3 text-sm text-muted">{REST.join("! ")}</p>
    </Card>
  );
}

/** The decision could not be saved (disk full, read-only database): nothing happened, try again later. */
export function StorageUnavailable() {
  return (
    <Card className="text-center">
      <h1 className="text-2xl font-bold">Cannot save right now</h1>
      <p className="mt-3 text-sm text-muted">{STORAGE_UNAVAILABLE_MESSAGE}</p>
    </Card>
  );
}

export function SuspendedApp() {
  return (
    <Card className="text-center">
      <h1 className="text-2xl font-bold">Invalid / suspended App</h1>
      <p className="mt-3 text-sm text-muted">
        This App has been suspended and cannot be authorized. Please go back to the site or application that sent you here.
      </p>
    </Card>
  );
}

const linkClass = "font-semibold text-link underline-offset-2 hover:underline";

export function ConsentFooter({ app }: { app: ConsentApp }) {
  const terms = webUrl(app.termsUrl);
  const privacy = webUrl(app.privacyUrl);
  return (
    <footer className="space-y-2 border-t border-border pt-4 text-xs text-muted">
      <p>You can revoke access to any App at any time from Connected apps in your account settings.</p>
      {(terms || privacy) && (
        <p>
          By authorizing {app.name} you agree to its{" "}
          {terms && (
            <a className={linkClass} href={terms} target="_blank" rel="noopener noreferrer">
              Terms of Service
            </a>
          )}
          {terms && privacy && " and "}
          {privacy && (
            <a className={linkClass} href={privacy} target="_blank" rel="noopener noreferrer">
              Privacy Policy
            </a>
          )}
          .
        </p>
      )}
    </footer>
  );
}

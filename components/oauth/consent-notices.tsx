import { Card } from "@/components/ui/card";
import { INVALID_REQUEST_TOKEN_MESSAGE, type ConsentApp } from "@/lib/domain/oauth1";

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
  return (
    <footer className="space-y-2 border-t border-border pt-4 text-xs text-muted">
      <p>You can revoke access to any App at any time from Connected apps in your account settings.</p>
      {(app.termsUrl || app.privacyUrl) && (
        <p>
          By authorizing {app.name} you agree to its{" "}
          {app.termsUrl && (
            <a className={linkClass} href={app.termsUrl} target="_blank" rel="noopener noreferrer">
              Terms of Service
            </a>
          )}
          {app.termsUrl && app.privacyUrl && " and "}
          {app.privacyUrl && (
            <a className={linkClass} href={app.privacyUrl} target="_blank" rel="noopener noreferrer">
              Privacy Policy
            </a>
          )}
          .
        </p>
      )}
    </footer>
  );
}

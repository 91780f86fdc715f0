/** After the decision when there is no callback to return to (`oob`): the PIN, or the denial. */
export function PinResult({ pin, appName }: { pin: string; appName: string }) {
  return (
    <div className="text-center" role="status">
      <h1 className="text-2xl font-bold">You&apos;ve authorized {appName}</h1>
      <p className="mt-2 text-sm text-muted">Next, return to {appName} and enter this PIN to complete the authorization process:</p>
      <p className="mt-6 font-mono text-4xl font-bold tracking-[0.3em]" aria-label={`PIN ${pin.split("").join(" ")}`} data-testid="oauth-pin">
        {pin}
      </p>
      <p className="mt-6 text-xs text-muted">The PIN works once. Do not share it with anyone else.</p>
    </div>
  );
}

export function DeniedResult({ appName }: { appName: string }) {
  return (
    <div className="text-center" role="status">
      <h1 className="text-2xl font-bold">You have not granted access</h1>
      <p className="mt-2 text-sm text-muted">{appName} was not given access to your account. You can close this window.</p>
    </div>
  );
}

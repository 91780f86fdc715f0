import type { ReactNode } from "react";

export function SuspendedTag() {
  return (
    <span className="inline-flex items-center rounded-full border border-danger/40 bg-danger-soft px-2 py-0.5 text-xs font-bold text-danger">
      Suspended
    </span>
  );
}

export function EnvironmentTag({ environment }: { environment: string }) {
  return (
    <span className="inline-flex items-center rounded-full border border-border bg-surface-2 px-2 py-0.5 text-xs font-semibold capitalize">
      {environment}
    </span>
  );
}

/** The line under an App's name: App ID, environment, the Suspended tag, and any extra notes. */
export function AppMeta({ app, className = "", children }: { app: { id: string; environment: string; status: string }; className?: string; children?: ReactNode }) {
  return (
    <p className={`flex flex-wrap items-center gap-2 text-sm text-muted ${className}`}>
      <span>
        App ID <span className="font-mono text-fg">{app.id}</span>
      </span>
      <EnvironmentTag environment={app.environment} />
      {app.status === "suspended" && <SuspendedTag />}
      {children}
    </p>
  );
}

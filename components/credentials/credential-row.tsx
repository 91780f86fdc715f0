import { useId, type ReactNode } from "react";

/** One credential on the Keys and tokens page: what it is, its hint and dates, and its buttons. */
export function CredentialRow({ title, description, children, actions }: { title: string; description: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="flex flex-col gap-4 border-t border-border py-5 first:border-t-0 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 space-y-1">
        <h3 id={id} className="font-bold">
          {title}
        </h3>
        <p className="max-w-prose text-sm text-muted">{description}</p>
        {children && <div className="space-y-2 pt-1 text-sm">{children}</div>}
      </div>
      {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/** A label and a value on one line, e.g. "Created 2025-01-31 14:05 UTC". */
export function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <p>
      <span className="text-muted">{label}</span> {children}
    </p>
  );
}

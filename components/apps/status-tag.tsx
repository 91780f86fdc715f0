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

import { cn } from "@/components/ui/cn";

/** The App's icon, or its initial when it has none. */
export function AppIcon({ app, size = "size-10" }: { app: { id: string; name: string; iconVersion: number }; size?: string }) {
  if (app.iconVersion > 0) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={`/apps/${app.id}/icon?v=${app.iconVersion}`} alt="" className={cn(size, "shrink-0 rounded-xl border border-border object-cover")} />;
  }
  return (
    <span aria-hidden="true" className={cn(size, "flex shrink-0 items-center justify-center rounded-xl bg-surface-2 text-lg font-bold text-muted")}>
      {app.name.slice(0, 1).toUpperCase()}
    </span>
  );
}

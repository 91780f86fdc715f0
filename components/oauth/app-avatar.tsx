import { cn } from "@/components/ui/cn";

/** The App's icon, or its initial in a circle when it has none. */
export function AppAvatar({ app, className }: { app: { id: string; name: string; iconVersion: number }; className?: string }) {
  const size = cn("size-16 shrink-0 rounded-full", className);
  if (app.iconVersion > 0) {
    // eslint-disable-next-line @next/next/no-img-element -- served by the portal with its own cache key
    return <img src={`/apps/${app.id}/icon?v=${app.iconVersion}`} alt="" className={cn(size, "border border-border object-cover")} />;
  }
  return (
    <span aria-hidden="true" className={cn(size, "flex items-center justify-center bg-accent text-2xl font-bold text-accent-fg")}>
      {app.name.slice(0, 1).toUpperCase()}
    </span>
  );
}

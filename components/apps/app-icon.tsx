import { cn } from "@/components/ui/cn";

interface Props {
  app: { id: string; name: string; iconVersion: number };
  /** Tailwind size classes, e.g. "size-10". */
  size?: string;
  /** Lists use rounded squares; consent pages a circle. */
  shape?: "rounded" | "circle";
  /** The initial's colours when there is no icon. */
  tone?: "muted" | "accent";
}

/** The App's icon (served by the portal, versioned for caching), or its initial when it has none. */
export function AppIcon({ app, size = "size-10", shape = "rounded", tone = "muted" }: Props) {
  const frame = cn(size, "shrink-0", shape === "circle" ? "rounded-full" : "rounded-xl");
  if (app.iconVersion > 0) {
    // eslint-disable-next-line @next/next/no-img-element -- our own PNG with its own cache key
    return <img src={`/apps/${app.id}/icon?v=${app.iconVersion}`} alt="" className={cn(frame, "border border-border object-cover")} />;
  }
  return (
    <span
      aria-hidden="true"
      className={cn(frame, "flex items-center justify-center font-bold", tone === "accent" ? "bg-accent text-2xl text-accent-fg" : "bg-surface-2 text-lg text-muted")}
    >
      {app.name.slice(0, 1).toUpperCase()}
    </span>
  );
}

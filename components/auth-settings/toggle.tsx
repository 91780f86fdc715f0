import { useId, type ComponentProps, type ReactNode } from "react";

type Props = Omit<ComponentProps<"input">, "type"> & { label: string; description?: ReactNode; error?: string };

/** An on/off switch: a real checkbox (keyboard, forms, react-hook-form) drawn as a switch. */
export function Toggle({ label, description, error, className, ...input }: Props) {
  const id = useId();
  const describedBy = [description && `${id}-desc`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <span className="relative mt-0.5 inline-flex shrink-0">
          <input
            id={id}
            type="checkbox"
            role="switch"
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            className="peer absolute inset-0 z-10 size-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
            {...input}
          />
          <span
            aria-hidden
            className="h-6 w-11 rounded-full border border-border bg-surface-2 transition peer-checked:border-accent peer-checked:bg-accent peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus peer-disabled:opacity-50"
          />
          <span
            aria-hidden
            className="pointer-events-none absolute top-1 left-1 size-4 rounded-full bg-muted transition peer-checked:translate-x-5 peer-checked:bg-accent-fg"
          />
        </span>
        <span className="min-w-0">
          <label htmlFor={id} className="block text-sm font-semibold">
            {label}
          </label>
          {description && (
            <span id={`${id}-desc`} className="block text-sm text-muted">
              {description}
            </span>
          )}
        </span>
      </div>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-danger empty:hidden">
        {error}
      </p>
    </div>
  );
}

"use client";
import { useWatch, type Control, type FieldErrors, type UseFormRegister, type UseFormSetValue } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MAX_CALLBACK_URLS } from "@/lib/validation/callback-urls";

type WithCallbacks = { callbackUrls: string[] };

interface Props<T extends WithCallbacks> {
  control: Control<T>;
  register: UseFormRegister<T>;
  setValue: UseFormSetValue<T>;
  errors: FieldErrors<T>;
  label?: string;
}

/** Callback URL rows: add and remove, at most 10, an error under each row. */
export function CallbackUrlsField<T extends WithCallbacks>(props: Props<T>) {
  // The generic form type is narrowed to its callbackUrls part here.
  const control = props.control as unknown as Control<WithCallbacks>;
  const register = props.register as unknown as UseFormRegister<WithCallbacks>;
  const setValue = props.setValue as unknown as UseFormSetValue<WithCallbacks>;
  const errors = props.errors as FieldErrors<WithCallbacks>;
  const urls = useWatch({ control, name: "callbackUrls" }) ?? [];
  const listError = errors.callbackUrls?.message ?? errors.callbackUrls?.root?.message;
  const update = (next: string[]) => setValue("callbackUrls", next, { shouldDirty: true, shouldValidate: false });

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">{props.label ?? "Callback URI / Redirect URL"}</legend>
      <p id="callback-hint" className="text-xs text-muted">
        Up to {MAX_CALLBACK_URLS}. Must match exactly what your App sends. No query strings or fragments; use http://127.0.0.1 instead of
        localhost; custom schemes need a domain and a path (myapp://callback/path).
      </p>
      {urls.map((_, i) => {
        const rowError = errors.callbackUrls?.[i]?.message;
        return (
          <div key={i}>
            <div className="flex gap-2">
              <input
                aria-label={`Callback URL ${i + 1}`}
                aria-invalid={rowError ? true : undefined}
                aria-describedby={rowError ? `callback-error-${i}` : "callback-hint"}
                placeholder="https://example.com/callback"
                className={cn("min-w-0 flex-1 rounded-lg border bg-surface px-3 py-2", rowError ? "border-danger" : "border-border")}
                {...register(`callbackUrls.${i}` as const)}
              />
              <Button variant="ghost" aria-label={`Remove callback URL ${i + 1}`} onClick={() => update(urls.filter((__, j) => j !== i))}>
                Remove
              </Button>
            </div>
            <p id={`callback-error-${i}`} aria-live="polite" className="text-sm text-danger">
              {rowError}
            </p>
          </div>
        );
      })}
      <Button variant="secondary" disabled={urls.length >= MAX_CALLBACK_URLS} onClick={() => update([...urls, ""])}>
        Add another URL
      </Button>
      {urls.length >= MAX_CALLBACK_URLS && <p className="text-xs text-muted">You have reached the limit of {MAX_CALLBACK_URLS} callback URLs.</p>}
      <p aria-live="polite" className="text-sm text-danger">
        {listError}
      </p>
    </fieldset>
  );
}

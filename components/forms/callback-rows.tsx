"use client";
import { useFieldArray, type ArrayPath, type FieldErrors, type Path, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MAX_CALLBACK_URLS, type CallbackRow } from "@/lib/validation/callback-urls";

type WithCallbacks = { callbackUrls: CallbackRow[] };

/**
 * Callback URI / Redirect URL rows (useFieldArray): add, remove, an error under each row.
 * Used by App details and User authentication settings alike.
 */
export function CallbackRows<T extends WithCallbacks>({ form, required = false }: { form: UseFormReturn<T>; required?: boolean }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "callbackUrls" as ArrayPath<T> });
  const errors = (form.formState.errors as FieldErrors<WithCallbacks>).callbackUrls;
  const listError = errors?.message ?? errors?.root?.message;
  return (
    <fieldset className="space-y-2" aria-describedby="callback-hint callback-list-error">
      <legend className="text-sm font-semibold">Callback URI / Redirect URL{required ? " (required)" : ""}</legend>
      <p id="callback-hint" className="text-xs text-muted">
        Where users return after authorizing your App. Up to {MAX_CALLBACK_URLS}; OAuth 2.0 needs an exact match. No query strings or fragments; use
        http://127.0.0.1 instead of localhost; custom schemes need a domain and a path (myapp://callback/path).
      </p>
      {fields.map((field, i) => {
        const rowError = errors?.[i]?.url?.message ?? errors?.[i]?.message;
        return (
          <div key={field.id}>
            <div className="flex gap-2">
              <input
                aria-label={`Callback URL ${i + 1}`}
                aria-invalid={rowError ? true : undefined}
                aria-describedby={rowError ? `callback-error-${i}` : "callback-hint"}
                placeholder="https://example.com/callback"
                className={cn("min-w-0 flex-1 rounded-lg border bg-surface px-3 py-2 text-base", rowError ? "border-danger" : "border-border")}
                {...form.register(`callbackUrls.${i}.url` as Path<T>)}
              />
              <Button variant="ghost" aria-label={`Remove callback URL ${i + 1}`} onClick={() => remove(i)}>
                Remove
              </Button>
            </div>
            <p id={`callback-error-${i}`} aria-live="polite" className="text-sm text-danger empty:hidden">
              {rowError}
            </p>
          </div>
        );
      })}
      <Button variant="secondary" disabled={fields.length >= MAX_CALLBACK_URLS} onClick={() => append({ url: "" } as never)}>
        Add another URL
      </Button>
      {fields.length >= MAX_CALLBACK_URLS && <p className="text-xs text-muted">You have reached the limit of {MAX_CALLBACK_URLS} callback URLs.</p>}
      <p id="callback-list-error" aria-live="polite" className="text-sm text-danger empty:hidden">
        {listError}
      </p>
    </fieldset>
  );
}

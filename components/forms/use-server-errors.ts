"use client";
import { useEffect } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

type ServerState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> } | null;

/** Merges a server action's field errors back into react-hook-form; `onApplied` runs after (e.g. focus the first). */
export function useServerErrors<T extends FieldValues>(state: ServerState, setError: UseFormSetError<T>, onApplied?: () => void): void {
  useEffect(() => {
    if (!state || state.ok || !state.fieldErrors) return;
    let any = false;
    for (const [name, messages] of Object.entries(state.fieldErrors)) {
      if (messages?.[0] && !name.startsWith("_")) {
        setError(name as Path<T>, { type: "server", message: messages[0] });
        any = true;
      }
    }
    if (any) onApplied?.();
  }, [state, setError, onApplied]);
}

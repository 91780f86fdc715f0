"use client";
import { useRef, useState } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";
import type { ActionState } from "@/lib/server/action";

/** The fields of `values` that differ from `saved` (JSON comparison, so lists compare by content). */
export function changedValues<T extends FieldValues>(values: T, saved: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(saved[k]))) as Partial<T>;
}

export interface Stale<T> {
  /** What is saved now, in the form's shape. */
  values: T;
  version: string;
  /** What this form was opened with. */
  seen: T;
}

export type Versioned = { version: string };

/**
 * Edit forms against lost updates: a save sends the version the form was opened with and only the
 * fields the user changed. A stale save comes back with what is saved now (`stale`); `reload()`
 * puts those values in the form and keeps the user's own changes on top, unsaved, for a new save.
 */
export function useVersionedForm<T extends FieldValues>(form: UseFormReturn<T>, initialVersion: string, toForm: (saved: Record<string, unknown>) => T) {
  const version = useRef(initialVersion);
  const saved = useRef<T>(form.getValues());
  const [stale, setStale] = useState<Stale<T> | null>(null);

  const request = (values: T): Partial<T> & Versioned => ({ ...changedValues(values, saved.current), version: version.current });

  /** Applies an action's answer; true when the values were saved. */
  const settle = (result: ActionState<Versioned>, values: T): boolean => {
    if (result.ok) {
      if (result.data?.version) version.current = result.data.version;
      saved.current = values;
      setStale(null);
      form.reset(values);
      return true;
    }
    if (result.conflict) setStale({ values: toForm(result.conflict.values), version: result.conflict.version, seen: saved.current });
    return false;
  };

  const reload = () => {
    if (!stale) return;
    const mine = changedValues(form.getValues(), stale.seen);
    version.current = stale.version;
    saved.current = stale.values;
    form.reset(stale.values);
    for (const [k, v] of Object.entries(mine)) form.setValue(k as Path<T>, v as PathValue<T, Path<T>>, { shouldDirty: true });
    setStale(null);
  };

  return { stale, request, settle, reload };
}

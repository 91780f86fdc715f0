"use client";
import { useId, useState } from "react";

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/**
 * Keeps what the user typed before the page finished loading. The server renders the form's
 * inputs empty; react-hook-form, once hydrated, writes its default values into them — wiping
 * anything typed meanwhile. During the hydrating render the server's form is still in the
 * document (found by its useId, the same on both sides): values typed there become the defaults.
 * Give the form `id={typed.id}` and useForm `defaultValues: typed.defaults`.
 */
export function useTypedDefaults<T extends Record<string, unknown>>(defaults: T): { id: string; defaults: T } {
  const id = useId();
  const [values] = useState<T>(() => {
    if (typeof document === "undefined") return defaults; // the server render
    const form = document.getElementById(id);
    if (!(form instanceof HTMLFormElement)) return defaults; // a client-side mount: nothing typed yet
    const out: Record<string, unknown> = { ...defaults };
    for (const [name, value] of Object.entries(defaults)) {
      const el = form.elements.namedItem(name) as Control | null;
      if (!el || !("value" in el)) continue;
      if (el instanceof HTMLInputElement && el.type === "checkbox") {
        if (typeof value === "boolean" && el.checked) out[name] = true;
      } else if (typeof value === "string" && el.value !== "" && el.value !== value) out[name] = el.value;
    }
    return out as T;
  });
  return { id, defaults: values };
}

"use client";
import { useCallback, useEffect, useRef, useState } from "react";

const FIELDS = "input, select, textarea";

/**
 * After a failed submit, focus goes to the first invalid field in the order the page shows them
 * (react-hook-form's own focus follows registration order: Website URL before App name). Call
 * `focus()` from handleSubmit's invalid callback and after server field errors were set; the
 * focusing runs after the render that marks the fields invalid.
 */
export function useFocusFirstInvalid() {
  const ref = useRef<HTMLFormElement>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (!request) return;
    const first = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = first && (first.matches(FIELDS) ? first : first.querySelector<HTMLElement>(FIELDS));
    target?.focus();
  }, [request]);
  const focus = useCallback(() => setRequest((n) => n + 1), []);
  return { ref, focus };
}

"use client";
import { useCallback, useEffect, useRef, useState } from "react";

const FIELDS = "input, select, textarea";
/** How long a focus request waits for the render that marks the fields invalid. */
const WAIT_MS = 2000;

/**
 * After a failed submit, focus goes to the first invalid field in the order the page shows them
 * (react-hook-form's own focus follows registration order: Website URL before App name). Call
 * `focus()` from handleSubmit's invalid callback and after server field errors were set; the
 * focusing happens after the render that marks the fields invalid (react-hook-form publishes its
 * errors after the invalid callback), and a request that finds nothing invalid expires.
 */
export function useFocusFirstInvalid() {
  const ref = useRef<HTMLFormElement>(null);
  const requested = useRef(0);
  const [, rerender] = useState(0);
  useEffect(() => {
    if (!requested.current) return;
    if (Date.now() - requested.current > WAIT_MS) {
      requested.current = 0;
      return;
    }
    const first = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = first && (first.matches(FIELDS) ? first : first.querySelector<HTMLElement>(FIELDS));
    if (!target) return;
    requested.current = 0;
    target.focus();
  });
  const focus = useCallback(() => {
    requested.current = Date.now();
    rerender((n) => n + 1);
  }, []);
  return { ref, focus };
}

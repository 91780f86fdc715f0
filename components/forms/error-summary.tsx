"use client";
import type { FieldErrors, FieldValues } from "react-hook-form";

/** Flattens react-hook-form's errors to [dotted name, message], in the order of `order` (the form's fields). */
export function errorList(errors: FieldErrors<FieldValues>, order: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== "object") return;
    const n = node as { message?: unknown; ref?: unknown; type?: unknown };
    if (typeof n.message === "string" && n.message && ("type" in n || "ref" in n)) out.push([path, n.message]);
    for (const [k, v] of Object.entries(node)) if (k !== "ref" && k !== "message" && k !== "type" && k !== "types") walk(v, path ? `${path}.${k}` : k);
  };
  walk(errors, "");
  const rank = (name: string) => {
    const i = order.indexOf(name.split(".")[0]!);
    return i === -1 ? order.length : i;
  };
  return out.sort((a, b) => rank(a[0]) - rank(b[0]));
}

/**
 * On long forms, after a failed save: how many problems and which fields, each a button that
 * goes to its field, where the message is (shown once, and read with the field). Announced as an alert.
 */
export function ErrorSummary({ errors, order, labels, formRef }: { errors: FieldErrors<FieldValues>; order: string[]; labels: Record<string, string>; formRef: React.RefObject<HTMLFormElement | null> }) {
  const list = errorList(errors, order);
  if (list.length === 0) return null;
  const goTo = (name: string) => {
    const el = formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) ?? formRef.current?.querySelector<HTMLElement>(`[name^="${CSS.escape(name.split(".")[0]!)}"]`);
    el?.focus();
  };
  return (
    <div role="alert" aria-labelledby="error-summary-title" className="rounded-xl border border-danger/40 bg-danger-soft px-4 py-3 text-sm">
      <h2 id="error-summary-title" className="font-bold text-danger">
        {list.length === 1 ? "There is a problem" : `There are ${list.length} problems`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {list.map(([name, message]) => {
          const label = `${labels[name.split(".")[0]!] ?? name}${/^callbackUrls\.\d+/.test(name) ? ` ${Number(name.split(".")[1]) + 1}` : ""}`;
          return (
            <li key={name}>
              <button type="button" title={message} onClick={() => goTo(name)} className="text-left text-danger underline underline-offset-2 wrap-anywhere">
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

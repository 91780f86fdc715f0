import type { z } from "zod";

/** Zod issues as field errors keyed by dotted path ("callbackUrls.2"), for react-hook-form's setError. */
export function issuesToFieldErrors(err: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of err.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

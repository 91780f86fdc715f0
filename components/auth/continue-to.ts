import type { useRouter } from "next/navigation";
import { isConsentPath } from "@/lib/security/csp";

/**
 * Where a sign-in or sign-up goes next. A consent page gets a full page load: after a client-side
 * navigation the document would keep the sign-in page's CSP (form-action 'self'), and Chromium would
 * then block the consent form's redirect to the App's callback on another origin.
 */
export function continueTo(router: ReturnType<typeof useRouter>, url: string): void {
  if (isConsentPath(new URL(url, window.location.origin).pathname)) {
    window.location.assign(url);
    return;
  }
  router.replace(url);
  router.refresh();
}

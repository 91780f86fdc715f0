import { STORAGE_UNAVAILABLE_MESSAGE, type StorageUnavailableError } from "@/lib/domain/storage-health";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The portal's page for a change that could not be saved (route handlers): 503 with Retry-After,
 * the reason in words, and a link to try again. Nothing was changed.
 */
export function storageUnavailablePage(failure: StorageUnavailableError, retryPath: string, headers: Record<string, string> = {}): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cannot save right now</title></head><body><main><h1>Cannot save right now</h1><p>${escapeHtml(STORAGE_UNAVAILABLE_MESSAGE)}</p><p><a href="${escapeHtml(retryPath)}">Try again</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Retry-After": String(failure.retryAfterS), "Cache-Control": "no-store" },
  });
}

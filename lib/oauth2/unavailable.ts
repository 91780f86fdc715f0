import type { StorageUnavailableError } from "@/lib/domain/storage-health";

/**
 * RFC 6749's `temporarily_unavailable` for the OAuth 2.0 token, revocation and introspection
 * endpoints when a write cannot be saved: 503 with Retry-After, never cached. Nothing was issued.
 */
export const temporarilyUnavailable = (failure: StorageUnavailableError) =>
  new Response(
    JSON.stringify({
      error: "temporarily_unavailable",
      error_description: "The server cannot save changes right now. Nothing was issued or changed; try again later.",
    }),
    {
      status: 503,
      headers: { "content-type": "application/json", "Cache-Control": "no-store", Pragma: "no-cache", "Retry-After": String(failure.retryAfterS) },
    },
  );

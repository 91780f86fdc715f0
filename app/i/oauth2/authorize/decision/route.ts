import { getDb } from "@/db/client";
import { approveAuthorization, denyAuthorization, readConsentForm } from "@/lib/domain/oauth2/authorize";
import { storageFailure } from "@/lib/domain/storage-health";
import { verifyConsentTicket } from "@/lib/oauth2/consent-ticket";
import { readCapped } from "@/lib/http/read-capped";
import { isSameOriginPost } from "@/lib/oauth2/same-origin";
import { getCurrentUser } from "@/lib/server/session";
import { consentDecisionSchema } from "@/lib/validation/oauth2";
import { storageUnavailablePage } from "@/lib/server/unavailable";

const HEADERS = { "Content-Security-Policy": "frame-ancestors 'none'", "Cache-Control": "no-store" };
const MAX_BODY = 16 * 1024;

const seeOther = (location: string) => new Response(null, { status: 303, headers: { ...HEADERS, Location: location } });
const forbidden = () => new Response("Forbidden", { status: 403, headers: HEADERS });

/** POST from the consent form: Origin-checked, ticket-bound to the session and request, then one domain call. */
export async function POST(request: Request) {
  if (!isSameOriginPost(request.headers)) return forbidden();
  // Read with a cap that also holds for chunked bodies (no Content-Length).
  const text = await readCapped(request, MAX_BODY).catch(() => null);
  if (text === null) return forbidden();
  const { raw, fields, ...form } = readConsentForm(text);
  const authorizeUrl = `/i/oauth2/authorize?${new URLSearchParams(fields)}`;
  const current = await getCurrentUser();
  if (!current) return seeOther(`/signin?callbackUrl=${encodeURIComponent(authorizeUrl)}`);
  const decision = consentDecisionSchema.safeParse(form);
  if (!decision.success || !verifyConsentTicket(decision.data.ticket, current.sessionId, fields)) return seeOther(authorizeUrl);

  const db = getDb();
  try {
    const outcome = decision.data.decision === "approve" ? approveAuthorization(db, current.user.id, raw) : denyAuthorization(db, raw);
    return seeOther(outcome.kind === "redirect" ? outcome.url : authorizeUrl);
  } catch (err) {
    const failure = storageFailure(err);
    if (failure) return storageUnavailablePage(failure, authorizeUrl, HEADERS);
    throw err;
  }
}

import { keyedHash, safeEqual } from "@/lib/credentials";

/** How long a rendered consent form may be submitted. */
export const CONSENT_TICKET_TTL_MS = 10 * 60 * 1000;

const payload = (sessionId: string, issuedAt: number, params: Record<string, string>) =>
  ["oauth2-consent", sessionId, issuedAt, ...Object.keys(params).sort().map((k) => `${k}=${params[k]}`)].join("\n");

/**
 * CSRF token of the consent form: a keyed MAC over the signed-in session and the exact authorize
 * request shown, so a decision is accepted only from the session that saw that request.
 */
export function consentTicket(sessionId: string, params: Record<string, string>, now = Date.now()): string {
  return `${now}.${keyedHash(payload(sessionId, now, params))}`;
}

export function verifyConsentTicket(ticket: string, sessionId: string, params: Record<string, string>, now = Date.now()): boolean {
  const dot = ticket.indexOf(".");
  const issuedAt = Number(ticket.slice(0, dot));
  if (dot <= 0 || !Number.isSafeInteger(issuedAt)) return false;
  if (now - issuedAt > CONSENT_TICKET_TTL_MS || issuedAt - now > 60_000) return false;
  return safeEqual(ticket.slice(dot + 1), keyedHash(payload(sessionId, issuedAt, params)));
}

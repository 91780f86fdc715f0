import { WindowCounter, type WindowState } from "@/lib/security/window-counter";
import { DomainError } from "./errors";

const WINDOW_S = 15 * 60;

/** Wrong passwords: 10 per account and 50 per address in 15 minutes, wherever the password was checked. */
export const PASSWORD_FAILURES_PER_ACCOUNT = 10;
export const PASSWORD_FAILURES_PER_ADDRESS = 50;

interface PasswordLimiters {
  account: WindowCounter;
  address: WindowCounter;
}

const store = globalThis as unknown as { devportalPasswordLimiters?: PasswordLimiters };

function limiters(): PasswordLimiters {
  store.devportalPasswordLimiters ??= {
    account: new WindowCounter(PASSWORD_FAILURES_PER_ACCOUNT, WINDOW_S * 1000),
    address: new WindowCounter(PASSWORD_FAILURES_PER_ADDRESS, WINDOW_S * 1000),
  };
  return store.devportalPasswordLimiters;
}

export type PasswordCheckKind = "sign-in" | "confirm";

function blockedError(res: WindowState | null, kind: PasswordCheckKind): DomainError {
  const minutes = Math.max(1, Math.ceil((res?.msBeforeNext ?? WINDOW_S * 1000) / 60000));
  const when = `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  return new DomainError("rate_limited", kind === "sign-in" ? `Too many sign-in attempts. ${when}` : `Too many wrong passwords. ${when}`);
}

/**
 * Throws when the account (its key: see password-checks.ts) or the address has used up its
 * failed password attempts, whatever kind of check used them.
 */
export async function assertSignInAllowed(accountKey: string, address: string, kind: PasswordCheckKind = "sign-in"): Promise<void> {
  const { account, address: byAddress } = limiters();
  const a = account.get(accountKey);
  const b = byAddress.get(address);
  if (a && a.remaining <= 0) throw blockedError(a, kind);
  if (b && b.remaining <= 0) throw blockedError(b, kind);
}

/** Counts one wrong password against the account and the address. */
export async function recordFailedSignIn(accountKey: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  account.consume(accountKey);
  byAddress.consume(address);
}

/** The right password: the account's failures are forgotten (the address's are not). */
export async function clearSignInFailures(accountKey: string): Promise<void> {
  limiters().account.delete(accountKey);
}

import { env } from "@/lib/config/env";
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

interface SignUpLimiters {
  address: WindowCounter;
  all: WindowCounter;
}

const signUps = globalThis as unknown as { devportalSignUpLimiters?: SignUpLimiters };

function signUpLimiters(): SignUpLimiters {
  const current = signUps.devportalSignUpLimiters;
  if (current && current.address.points === env.signUpsPerAddressPerHour && current.all.points === env.signUpsPerHour) return current;
  signUps.devportalSignUpLimiters = {
    address: new WindowCounter(env.signUpsPerAddressPerHour, 60 * 60 * 1000),
    all: new WindowCounter(env.signUpsPerHour, 60 * 60 * 1000),
  };
  return signUps.devportalSignUpLimiters;
}

const inMinutes = (ms: number) => {
  const minutes = Math.max(1, Math.ceil(ms / 60000));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
};

/**
 * Counts one sign-up (each costs a password hash) against the address and the whole portal, per
 * hour; throws rate_limited past either (SIGNUPS_PER_ADDRESS_PER_HOUR, SIGNUPS_PER_HOUR).
 */
export function consumeSignUp(address: string): void {
  const { address: byAddress, all } = signUpLimiters();
  const a = byAddress.get(address);
  if (a && a.remaining <= 0) throw new DomainError("rate_limited", `Too many new accounts from your network. ${inMinutes(a.msBeforeNext)}`);
  const t = all.get("all");
  if (t && t.remaining <= 0) throw new DomainError("rate_limited", `Too many new accounts are being created right now. ${inMinutes(t.msBeforeNext)}`);
  byAddress.consume(address);
  all.consume("all");
}

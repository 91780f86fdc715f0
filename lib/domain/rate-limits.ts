import { WindowCounter, type WindowState } from "@/lib/security/window-counter";
import { DomainError } from "./errors";

const WINDOW_S = 15 * 60;

interface SignInLimiters {
  account: WindowCounter;
  address: WindowCounter;
  confirm: WindowCounter;
}

const store = globalThis as unknown as { devportalSignInLimiters?: SignInLimiters };

function limiters(): SignInLimiters {
  store.devportalSignInLimiters ??= {
    account: new WindowCounter(10, WINDOW_S * 1000),
    address: new WindowCounter(50, WINDOW_S * 1000),
    confirm: new WindowCounter(5, WINDOW_S * 1000),
  };
  return store.devportalSignInLimiters;
}

function blockedError(res: WindowState | null): DomainError {
  const minutes = Math.max(1, Math.ceil((res?.msBeforeNext ?? WINDOW_S * 1000) / 60000));
  return new DomainError(
    "rate_limited",
    `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/** Throws when this account or address has used up its failed sign-in attempts. */
export async function assertSignInAllowed(accountKey: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  const a = account.get(accountKey.toLowerCase());
  const b = byAddress.get(address);
  if (a && a.remaining <= 0) throw blockedError(a);
  if (b && b.remaining <= 0) throw blockedError(b);
}

/** Counts one failed attempt against the account and the address. */
export async function recordFailedSignIn(accountKey: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  account.consume(accountKey.toLowerCase());
  byAddress.consume(address);
}

export async function clearSignInFailures(accountKey: string): Promise<void> {
  limiters().account.delete(accountKey.toLowerCase());
}

/**
 * Password confirmations inside the portal (e.g. the managing account's password for the
 * automated-account label): 5 wrong answers per 15 minutes per key, then a clear message.
 */
export async function withPasswordAttempts<T>(key: string, check: () => Promise<boolean>, onOk: () => T, wrong: () => Error): Promise<T> {
  const limiter = limiters().confirm;
  const state = limiter.get(key);
  if (state && state.remaining <= 0) {
    const minutes = Math.max(1, Math.ceil(state.msBeforeNext / 60000));
    throw new DomainError("rate_limited", `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  if (!(await check())) {
    limiter.consume(key);
    throw wrong();
  }
  limiter.delete(key);
  return onOk();
}

import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "./errors";

const WINDOW_S = 15 * 60;

interface SignInLimiters {
  account: RateLimiterMemory;
  address: RateLimiterMemory;
  confirm: RateLimiterMemory;
}

const store = globalThis as unknown as { devportalSignInLimiters?: SignInLimiters };

function limiters(): SignInLimiters {
  store.devportalSignInLimiters ??= {
    account: new RateLimiterMemory({ keyPrefix: "signin-account", points: 10, duration: WINDOW_S }),
    address: new RateLimiterMemory({ keyPrefix: "signin-address", points: 50, duration: WINDOW_S }),
    confirm: new RateLimiterMemory({ keyPrefix: "password-confirm", points: 5, duration: WINDOW_S }),
  };
  return store.devportalSignInLimiters;
}

function blockedError(res: RateLimiterRes | null): DomainError {
  const minutes = Math.max(1, Math.ceil((res?.msBeforeNext ?? WINDOW_S * 1000) / 60000));
  return new DomainError(
    "rate_limited",
    `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/** Throws when this account or address has used up its failed sign-in attempts. */
export async function assertSignInAllowed(accountKey: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  const [a, b] = await Promise.all([account.get(accountKey.toLowerCase()), byAddress.get(address)]);
  if (a && a.remainingPoints <= 0) throw blockedError(a);
  if (b && b.remainingPoints <= 0) throw blockedError(b);
}

/** Counts one failed attempt against the account and the address. */
export async function recordFailedSignIn(accountKey: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  await Promise.allSettled([account.consume(accountKey.toLowerCase()), byAddress.consume(address)]);
}

export async function clearSignInFailures(accountKey: string): Promise<void> {
  await limiters().account.delete(accountKey.toLowerCase());
}

/**
 * Password confirmations inside the portal (e.g. the managing account's password for the
 * automated-account label): 5 wrong answers per 15 minutes per key, then a clear message.
 */
export async function withPasswordAttempts<T>(key: string, check: () => Promise<boolean>, onOk: () => T, wrong: () => Error): Promise<T> {
  const limiter = limiters().confirm;
  const state = await limiter.get(key);
  if (state && state.remainingPoints <= 0) {
    const minutes = Math.max(1, Math.ceil(state.msBeforeNext / 60000));
    throw new DomainError("rate_limited", `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  if (!(await check())) {
    await limiter.consume(key).catch(() => undefined);
    throw wrong();
  }
  await limiter.delete(key);
  return onOk();
}

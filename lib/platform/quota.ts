import { WindowCounter } from "@/lib/security/window-counter";

/** Generous but real: a client library refreshing in a loop hits it, normal use never does. */
export const TOKEN_RATE_LIMIT = { points: 300, duration: 60 };

const store = globalThis as unknown as { devportalTokenLimiter?: WindowCounter };

const limiter = (): WindowCounter => (store.devportalTokenLimiter ??= new WindowCounter(TOKEN_RATE_LIMIT.points, TOKEN_RATE_LIMIT.duration * 1000));

/** Replaces the token-endpoint limiter (tests use a tiny budget). */
export function configureTokenRateLimit(opts: { points: number; duration: number }): void {
  store.devportalTokenLimiter = new WindowCounter(opts.points, opts.duration * 1000);
}

/**
 * Counts one token-endpoint call under `key`: the claimed client id (or API Key) with the caller's
 * address, so a busy App's servers each get a budget and nobody can spend another App's budget
 * by naming its client id. Returns null when allowed, else the seconds until the next call is.
 */
export function consumeTokenQuota(key: string): number | null {
  const state = limiter().consume(key);
  return state.allowed ? null : Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Generous but real: a client library refreshing in a loop hits it, normal use never does. */
export const TOKEN_RATE_LIMIT = { points: 300, duration: 60 };

const store = globalThis as unknown as { devportalTokenLimiter?: RateLimiterMemory };

function limiter(): RateLimiterMemory {
  store.devportalTokenLimiter ??= new RateLimiterMemory({ keyPrefix: "oauth2-token", ...TOKEN_RATE_LIMIT });
  return store.devportalTokenLimiter;
}

/** Replaces the token-endpoint limiter (tests use a tiny budget). */
export function configureTokenRateLimit(opts: { points: number; duration: number }): void {
  store.devportalTokenLimiter = new RateLimiterMemory({ keyPrefix: "oauth2-token", ...opts });
}

/**
 * Counts one token-endpoint call under `key`: the claimed client id (or API Key) with the caller's
 * address, so a busy App's servers each get a budget and nobody can spend another App's budget
 * by naming its client id. Returns null when allowed, else the seconds until the next call is.
 */
export async function consumeTokenQuota(key: string): Promise<number | null> {
  try {
    await limiter().consume(key);
    return null;
  } catch (res) {
    if (res instanceof RateLimiterRes) return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    throw res;
  }
}

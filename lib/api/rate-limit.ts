import { WindowCounter } from "@/lib/security/window-counter";
import type { EndpointSpec } from "./endpoints";

/** X's windows are 15 minutes long. */
export const WINDOW_S = 15 * 60;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window ends. */
  reset: number;
  exceeded: boolean;
}

interface Store {
  limiters: Map<string, WindowCounter>;
  override: { windowS: number; limit?: number } | null;
}

const g = globalThis as unknown as { devportalApiLimits?: Store };
const store = (): Store => (g.devportalApiLimits ??= { limiters: new Map(), override: null });

/** Tests shrink the window or the limit; `null` restores X's numbers. Counters start afresh. */
export function configureApiRateLimits(override: { windowS: number; limit?: number } | null): void {
  store().limiters = new Map();
  store().override = override;
}

function limiter(name: string, points: number): WindowCounter {
  const s = store();
  let l = s.limiters.get(name);
  if (!l) {
    l = new WindowCounter(s.override?.limit ?? points, (s.override?.windowS ?? WINDOW_S) * 1000);
    s.limiters.set(name, l);
  }
  return l;
}

/**
 * Counts one call in its pool: per (App, user) for user context, per App for app-only (separate
 * pools, as X keeps them). Returns the x-rate-limit-* figures and whether the call is over.
 */
export function consumeApiQuota(spec: EndpointSpec, pool: { appId: string; userId: string | null }): RateLimitState {
  const appOnly = pool.userId === null;
  const points = appOnly ? (spec.limits.app ?? spec.limits.user) : spec.limits.user;
  const l = limiter(`${spec.id}:${appOnly ? "app" : "user"}`, points);
  const state = l.consume(appOnly ? pool.appId : `${pool.appId}:${pool.userId}`);
  return { limit: l.points, remaining: state.remaining, reset: Math.ceil(state.resetAt / 1000), exceeded: !state.allowed };
}

export const rateLimitHeaders = (s: RateLimitState): Record<string, string> => ({
  "x-rate-limit-limit": String(s.limit),
  "x-rate-limit-remaining": String(s.remaining),
  "x-rate-limit-reset": String(s.reset),
});

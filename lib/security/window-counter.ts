/** A key's standing in its current window. */
export interface WindowState {
  /** Calls counted in this window, including refused ones. */
  consumed: number;
  /** Calls left before refusal (never below 0). */
  remaining: number;
  /** ms since the epoch when the window ends and the count starts again. */
  resetAt: number;
  /** ms until then. */
  msBeforeNext: number;
}

interface Slot {
  consumed: number;
  resetAt: number;
}

/**
 * Fixed-window counters in this process's memory, as X counts its 15-minute windows: a key's
 * window opens at its first call and lasts `windowMs`; past `points` calls in it, calls are
 * refused until it ends. Synchronous and allocation-light, because every token and API call
 * passes through one. Ended windows are dropped on access and by a sweep at most once per
 * window, so memory follows the keys active in the last two windows.
 */
export class WindowCounter {
  private readonly slots = new Map<string, Slot>();
  private sweptAt = 0;

  constructor(
    readonly points: number,
    readonly windowMs: number,
  ) {
    if (!(points > 0) || !(windowMs > 0)) throw new RangeError("points and windowMs must be positive");
  }

  /** Counts one call under `key`; `allowed` is false once the window's points are spent. */
  consume(key: string, now = Date.now()): WindowState & { allowed: boolean } {
    this.sweep(now);
    let slot = this.slots.get(key);
    if (!slot || slot.resetAt <= now) {
      slot = { consumed: 0, resetAt: now + this.windowMs };
      this.slots.set(key, slot);
    }
    slot.consumed++;
    return { ...this.stateOf(slot, now), allowed: slot.consumed <= this.points };
  }

  /** The key's current window without counting a call, or null when it has none. */
  get(key: string, now = Date.now()): WindowState | null {
    const slot = this.slots.get(key);
    return slot && slot.resetAt > now ? this.stateOf(slot, now) : null;
  }

  /** Forgets the key (its next call opens a new window). */
  delete(key: string): void {
    this.slots.delete(key);
  }

  /** Keys with an open window (tests check that ended ones are dropped). */
  get size(): number {
    return this.slots.size;
  }

  private stateOf(slot: Slot, now: number): WindowState {
    return { consumed: slot.consumed, remaining: Math.max(0, this.points - slot.consumed), resetAt: slot.resetAt, msBeforeNext: slot.resetAt - now };
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    for (const [key, slot] of this.slots) if (slot.resetAt <= now) this.slots.delete(key);
  }
}

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

/** Longest key kept; longer keys (never a real client id, username or address) are cut. */
export const MAX_KEY_LENGTH = 256;

const cut = (key: string) => (key.length > MAX_KEY_LENGTH ? key.slice(0, MAX_KEY_LENGTH) : key);

interface Slot {
  consumed: number;
  resetAt: number;
}

/**
 * Fixed-window counters in this process's memory, as X counts its 15-minute windows: a key's
 * window opens at its first call and lasts `windowMs`; past `points` calls in it, calls are
 * refused until it ends. Synchronous and allocation-light, because every token and API call
 * passes through one. Ended windows are dropped on access and by a sweep at most once per
 * window, so memory follows the keys active in the last two windows. Keys can be chosen by
 * callers (a claimed client id, a username), so at most `maxKeys` are kept: past that, ended
 * windows are swept at once and then the oldest keys are forgotten (their next call starts a
 * fresh window) rather than letting a flood of made-up keys grow the process without bound;
 * keys are cut to `MAX_KEY_LENGTH` characters (real ids, names and addresses are shorter).
 */
export class WindowCounter {
  private readonly slots = new Map<string, Slot>();
  private sweptAt = 0;

  constructor(
    readonly points: number,
    readonly windowMs: number,
    readonly maxKeys = 100_000,
  ) {
    if (!(points > 0) || !(windowMs > 0) || !(maxKeys > 0)) throw new RangeError("points, windowMs and maxKeys must be positive");
  }

  /** Counts one call under `key`; `allowed` is false once the window's points are spent. */
  consume(rawKey: string, now = Date.now()): WindowState & { allowed: boolean } {
    const key = cut(rawKey);
    this.sweep(now);
    let slot = this.slots.get(key);
    if (!slot || slot.resetAt <= now) {
      if (!slot && this.slots.size >= this.maxKeys) this.makeRoom(now);
      slot = { consumed: 0, resetAt: now + this.windowMs };
      this.slots.set(key, slot);
    }
    slot.consumed++;
    return { ...this.stateOf(slot, now), allowed: slot.consumed <= this.points };
  }

  /** The key's current window without counting a call, or null when it has none. */
  get(key: string, now = Date.now()): WindowState | null {
    const slot = this.slots.get(cut(key));
    return slot && slot.resetAt > now ? this.stateOf(slot, now) : null;
  }

  /** Forgets the key (its next call opens a new window). */
  delete(key: string): void {
    this.slots.delete(cut(key));
  }

  /** Keys with an open window (tests check that ended ones are dropped). */
  get size(): number {
    return this.slots.size;
  }

  private stateOf(slot: Slot, now: number): WindowState {
    return { consumed: slot.consumed, remaining: Math.max(0, this.points - slot.consumed), resetAt: slot.resetAt, msBeforeNext: slot.resetAt - now };
  }

  private sweep(now: number, force = false): void {
    if (!force && now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    for (const [key, slot] of this.slots) if (slot.resetAt <= now) this.slots.delete(key);
  }

  /** Below `maxKeys` again: ended windows first, then the oldest keys (a tenth, so this stays rare). */
  private makeRoom(now: number): void {
    this.sweep(now, true);
    if (this.slots.size < this.maxKeys) return;
    let drop = Math.max(1, Math.ceil(this.maxKeys / 10));
    for (const key of this.slots.keys()) {
      if (drop-- === 0) break;
      this.slots.delete(key);
    }
  }
}

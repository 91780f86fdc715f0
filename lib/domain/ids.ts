import { randomInt } from "node:crypto";

const EPOCH = 1288834974657n; // X's snowflake epoch
let lastMs = 0n;
let seq = 0n;

/** Snowflake-like numeric string id (time, then sequence and randomness), as X's user and Tweet ids. */
export function snowflake(now: number = Date.now()): string {
  const ms = BigInt(now) - EPOCH;
  if (ms === lastMs) seq = (seq + 1n) & 0xfffn;
  else {
    lastMs = ms;
    seq = BigInt(randomInt(0, 0x400));
  }
  return ((ms << 22n) | (BigInt(randomInt(0, 0x400)) << 12n) | seq).toString();
}

/** Numeric App / Project id of 8–9 digits; the caller retries on the (rare) collision. */
export function numericId(): string {
  return String(randomInt(10_000_000, 999_999_999));
}

/** The millisecond a snowflake id was made at (the inverse of `snowflake`'s time part). */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + EPOCH);
}

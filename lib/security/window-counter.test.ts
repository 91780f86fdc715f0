import { describe, expect, it } from "vitest";
import { MAX_KEY_LENGTH, WindowCounter } from "./window-counter";

describe("WindowCounter", () => {
  it("allows `points` calls per window, then refuses until the window ends", () => {
    const c = new WindowCounter(3, 1000);
    const t = 1_000_000;
    expect([1, 2, 3, 4].map((i) => c.consume("k", t + i).allowed)).toEqual([true, true, true, false]);
    expect(c.consume("k", t + 10)).toEqual({ allowed: false, consumed: 5, remaining: 0, resetAt: t + 1001, msBeforeNext: 991 });
    expect(c.consume("k", t + 1001)).toMatchObject({ allowed: true, consumed: 1, remaining: 2, resetAt: t + 2001 });
  });

  it("keeps keys apart and reports without counting", () => {
    const c = new WindowCounter(2, 1000);
    c.consume("a", 0);
    expect(c.consume("b", 5)).toMatchObject({ allowed: true, remaining: 1 });
    expect(c.get("a", 10)).toEqual({ consumed: 1, remaining: 1, resetAt: 1000, msBeforeNext: 990 });
    expect(c.get("a", 10)?.consumed).toBe(1);
    expect(c.get("a", 1000)).toBeNull();
    expect(c.get("nobody", 10)).toBeNull();
    c.delete("b");
    expect(c.get("b", 10)).toBeNull();
  });

  it("drops ended windows, so memory follows the active keys", () => {
    const c = new WindowCounter(5, 100);
    for (let i = 0; i < 1000; i++) c.consume(`k${i}`, 200);
    expect(c.size).toBe(1000);
    c.consume("late", 400);
    expect(c.size).toBe(1);
  });

  it("keeps at most maxKeys: ended windows go first, then the oldest keys", () => {
    const c = new WindowCounter(2, 1000, 100);
    for (let i = 0; i < 50; i++) c.consume(`old${i}`, 0);
    for (let i = 0; i < 50; i++) c.consume(`live${i}`, 600);
    c.consume("live0", 700);
    c.consume("live0", 700);
    expect(c.consume("live0", 700).allowed).toBe(false);
    c.consume("new", 1100); // the old windows ended at 1000: swept, nobody else forgotten
    expect(c.size).toBe(51);
    expect(c.get("live0", 1100)?.remaining).toBe(0);
    for (let i = 0; i < 10_000; i++) c.consume(`flood${i}`, 1200); // made-up keys
    expect(c.size).toBeLessThanOrEqual(100);
    expect(c.get("flood9999", 1200)?.consumed).toBe(1);
  });

  it("cuts made-up long keys, so a key's size is bounded too", () => {
    const c = new WindowCounter(1, 1000);
    const long = "k".repeat(MAX_KEY_LENGTH);
    expect(c.consume(`${long}a`, 0).allowed).toBe(true);
    expect(c.consume(`${long}b`, 0).allowed).toBe(false); // same first MAX_KEY_LENGTH characters
    expect(c.get(long, 0)?.consumed).toBe(2);
    c.delete(`${long}zzz`);
    expect(c.size).toBe(0);
  });

  it("refuses nonsense limits", () => {
    expect(() => new WindowCounter(0, 1000)).toThrow(RangeError);
    expect(() => new WindowCounter(5, 0)).toThrow(RangeError);
    expect(() => new WindowCounter(5, 1000, 0)).toThrow(RangeError);
  });
});

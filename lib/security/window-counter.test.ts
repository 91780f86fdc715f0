import { describe, expect, it } from "vitest";
import { WindowCounter } from "./window-counter";

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

  it("refuses nonsense limits", () => {
    expect(() => new WindowCounter(0, 1000)).toThrow(RangeError);
    expect(() => new WindowCounter(5, 0)).toThrow(RangeError);
  });
});

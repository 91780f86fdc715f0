import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength";

describe("passwordWeakness (NIST SP 800-63B: common, guessable and context-specific passwords)", () => {
  it.each([
    ["password", /heavily used password/],
    ["aaaaaaaa", /Repeated characters/],
    ["12345678", /heavily used/],
    ["qwertyuiop", /frequently used/],
    ["Password1!", /similar to a commonly used password/],
    ["iloveyou2", /commonly used/],
  ])("refuses %s and says why", (password, why) => {
    const message = passwordWeakness(password);
    expect(message).toMatch(/^This password is too easy to guess\. /);
    expect(message).toMatch(why);
  });

  it("refuses the account's own details and the portal's name", () => {
    expect(passwordWeakness("marguerite2024", ["marguerite", "Marguerite Duras", "mduras@example.com"])).not.toBeNull();
    expect(passwordWeakness("devportal2024")).not.toBeNull();
  });

  it("accepts the passphrases the tests and fixtures use", () => {
    for (const ok of ["correct horse battery", "a brand new password", "bench horse battery staple", "zebra-lamp-ocean"]) expect([ok, passwordWeakness(ok)]).toEqual([ok, null]);
  });
});

import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./search-query";

const ok = (q: string) => {
  const r = parseSearchQuery(q);
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.query;
};
const error = (q: string) => {
  const r = parseSearchQuery(q);
  if (r.ok) throw new Error(`expected ${q} to be refused`);
  return r.errors[0];
};

describe("recent search query language (the documented subset)", () => {
  it("keywords AND by juxtaposition, OR, parentheses, negation, phrases and operators", () => {
    expect(ok("cat")).toEqual({ kind: "text", needle: " cat " });
    expect(ok('(Cat OR dog) "good boy" -from:@Bob is:reply -is:retweet to:alice')).toEqual({
      kind: "and",
      items: [
        { kind: "or", items: [{ kind: "text", needle: " cat " }, { kind: "text", needle: " dog " }] },
        { kind: "text", needle: " good boy " },
        { kind: "not", item: { kind: "from", user: "Bob" } },
        { kind: "is", what: "reply" },
        { kind: "not", item: { kind: "is", what: "retweet" } },
        { kind: "to", user: "alice" },
      ],
    });
    expect(ok("#news @alice $TWTR")).toEqual({ kind: "and", items: [" #news ", " @alice ", " $twtr "].map((needle) => ({ kind: "text", needle })) });
  });

  it("refuses what X refuses, naming the position", () => {
    expect(error("cats since:2026-01-01")).toBe(
      "Reference to invalid operator 'since'. Operator is not available in current product or product packaging. Please refer to complete available operator list at https://developer.twitter.com/en/docs/twitter-api/tweets/search/integrate/build-a-query. (at position 6)",
    );
    expect(error("is:polls cats")).toMatch(/^Reference to invalid operator 'is:polls'\./);
    expect(error("is:reply")).toMatch(/cannot be used as a standalone operator.* \(at position 1\)$/);
    expect(error("-cats")).toMatch(/standalone/);
    expect(error("(cats OR dogs")).toBe("missing ')' at '<EOF>' (at position 14)");
    expect(error("cats) dogs")).toBe("missing EOF at ')' (at position 5)");
    expect(error("pepsi OR 'coca cola'")).toBe("no viable alternative at character ''' (at position 10)");
    expect(error("cats AND dogs")).toMatch(/^Ambiguous use of and as a keyword.* \(at position 6\)$/);
    expect(error('"unterminated')).toBe(`no viable alternative at character '"' (at position 1)`);
    expect(error("x".repeat(513))).toMatch(/at most 512/);
  });
});

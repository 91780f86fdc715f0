import { describe, expect, it } from "vitest";
import { isSameOriginPost } from "./same-origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("consent POST origin check", () => {
  it("accepts a POST whose Origin names this host", () => {
    expect(isSameOriginPost(h({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it.each([
    ["no Origin", { host: "a.example" }],
    ["opaque Origin", { origin: "null", host: "a.example" }],
    ["another host", { origin: "https://evil.example", host: "a.example" }],
    ["another port", { origin: "http://a.example:8080", host: "a.example" }],
    ["cross-site fetch metadata", { origin: "https://a.example", host: "a.example", "sec-fetch-site": "cross-site" }],
    ["garbage Origin", { origin: "::::", host: "a.example" }],
  ])("refuses %s", (_name, headers) => {
    expect(isSameOriginPost(h(headers))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { forwardedClient } from "./forwarded";

describe("forwardedClient (Express's trust proxy = N)", () => {
  it("without trusted proxies is the socket's address, whatever X-Forwarded-For says", () => {
    expect(forwardedClient("192.0.2.1", "203.0.113.5", 0)).toBe("192.0.2.1");
    expect(forwardedClient(undefined, undefined, 0)).toBe("unknown");
  });

  it("with one proxy is the right-most entry: the one the proxy appended", () => {
    expect(forwardedClient("10.0.0.2", "203.0.113.5", 1)).toBe("203.0.113.5");
    expect(forwardedClient("10.0.0.2", "1.1.1.1, 2.2.2.2 , 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(forwardedClient("10.0.0.2", ["1.1.1.1", "203.0.113.5"], 1)).toBe("203.0.113.5");
  });

  it("with N proxies is the N-th entry from the right; with fewer entries the left-most", () => {
    expect(forwardedClient("10.0.0.3", "6.6.6.6, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
    expect(forwardedClient("10.0.0.3", "203.0.113.5", 3)).toBe("203.0.113.5");
    expect(forwardedClient("10.0.0.3", ", ,", 1)).toBe("10.0.0.3");
  });

  it("a proxy that forwards no header leaves the socket's address", () => {
    expect(forwardedClient("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
  });
});

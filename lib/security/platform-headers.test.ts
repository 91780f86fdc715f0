import { afterEach, describe, expect, it } from "vitest";
import { createPlatformApp } from "@/lib/platform/app";

const app = createPlatformApp();
const saved = process.env.TRUST_PROXY;
afterEach(() => {
  if (saved === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = saved;
});

describe("platform responses carry the security headers", () => {
  it.each(["/api/health", "/2/users/me", "/1.1/account/verify_credentials.json", "/2/nope", "/oauth/request_token"])("%s: nosniff, no HSTS over plain HTTP", async (path) => {
    const res = await app.request(path, { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("HSTS only behind a trusted proxy that says the request came over TLS", async () => {
    process.env.TRUST_PROXY = "1";
    const tls = await app.request("/2/users/me", { headers: { "x-forwarded-proto": "https" } });
    expect(tls.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const plain = await app.request("/2/users/me", { headers: { "x-forwarded-proto": "http" } });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});

import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
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

describe("behind @hono/node-server (the lightweight Response the server writes out directly)", () => {
  it.each([
    ["GET", "/api/health"],
    ["GET", "/2/users/me"],
    ["POST", "/oauth2/token"],
    ["POST", "/2/oauth2/token"],
    ["GET", "/1.1/nope.json"],
  ])("%s %s carries x-served-by and nosniff", async (method, path) => {
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: createPlatformApp().fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { "content-type": "application/x-www-form-urlencoded" }, body: method === "POST" ? "grant_type=client_credentials" : undefined });
      await res.text();
      expect(res.headers.get("x-served-by")).toBe("platform");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPlatform } from "@/lib/platform/test-server";

let platform: Awaited<ReturnType<typeof startPlatform>>;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform.close());

const saved = process.env.TRUST_PROXY;
afterEach(() => {
  if (saved === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = saved;
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${platform.base}${path}`, { headers }).then(async (res) => (await res.text(), res));

describe("platform answers carry the security headers (as served by lib/platform/listener.ts)", () => {
  it.each(["/api/health", "/2/users/me", "/1.1/account/verify_credentials.json", "/2/nope", "/oauth/request_token"])("%s: nosniff, x-served-by, no HSTS over plain HTTP", async (path) => {
    const res = await get(path, { "x-forwarded-proto": "https" });
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-served-by")).toBe("platform");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("HSTS only behind a trusted proxy that says the request came over TLS", async () => {
    process.env.TRUST_PROXY = "1";
    const tls = await get("/2/users/me", { "x-forwarded-proto": "https" });
    expect(tls.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const plain = await get("/2/users/me", { "x-forwarded-proto": "http" });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });

  it.each([
    ["GET", "/api/health"],
    ["GET", "/2/users/me"],
    ["POST", "/oauth2/token"],
    ["POST", "/2/oauth2/token"],
    ["GET", "/1.1/nope.json"],
  ])("%s %s: JSON with x-served-by and nosniff", async (method, path) => {
    const res = await fetch(`${platform.base}${path}`, {
      method,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: method === "POST" ? "grant_type=client_credentials" : undefined,
    });
    await res.text();
    expect(res.headers.get("x-served-by")).toBe("platform");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("also on the answers @hono/node-server gives by itself (a request target it refuses)", async () => {
    const { port } = new URL(platform.base);
    const res = await new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/2/users\\me", agent: false }, (r) => {
        r.resume();
        r.on("end", () => resolve({ status: r.statusCode!, headers: r.headers }));
      });
      req.on("error", reject);
      req.end();
    });
    expect(res.status).toBe(400);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-served-by"]).toBe("platform");
  });
});

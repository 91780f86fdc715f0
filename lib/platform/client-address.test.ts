import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { normalizeHeaders } from "./client-address";

/** What the platform app (Hono behind @hono/node-server) and Next (req.headers) see after normalisation. */
const app = new Hono();
app.get("/echo", (c) =>
  c.json({
    ip: c.req.header("x-devportal-client-ip") ?? null,
    proto: c.req.header("x-forwarded-proto") ?? null,
    host: c.req.header("x-forwarded-host") ?? null,
  }),
);
const listener = getRequestListener(app.fetch);
let nodeView: Record<string, string | string[] | undefined> = {};
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    normalizeHeaders(req);
    nodeView = { ...req.headers };
    void listener(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  delete process.env.TRUST_PROXY;
});

const spoofed = { "x-devportal-client-ip": "198.51.100.9", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", "x-forwarded-for": "203.0.113.5" };

describe("normalizeHeaders", () => {
  it("gives the platform app the socket address and plain http, whatever the client sent", async () => {
    const seen = await (await fetch(`${base}/echo`, { headers: spoofed })).json();
    expect(seen).toEqual({ ip: "127.0.0.1", proto: "http", host: null });
    expect(nodeView["x-devportal-client-ip"]).toBe("127.0.0.1");
    expect(nodeView["x-forwarded-proto"]).toBe("http");
    expect(nodeView["x-forwarded-host"]).toBeUndefined();
  });

  it("without any forwarding headers the address is still set", async () => {
    expect(await (await fetch(`${base}/echo`)).json()).toEqual({ ip: "127.0.0.1", proto: "http", host: null });
  });

  it("behind a trusted proxy takes the address the proxy appended to X-Forwarded-For and keeps the proxy's proto and host", async () => {
    process.env.TRUST_PROXY = "1";
    const seen = await (await fetch(`${base}/echo`, { headers: spoofed })).json();
    expect(seen).toEqual({ ip: "203.0.113.5", proto: "https", host: "evil.example" });
  });

  it("behind one trusted proxy, entries the client wrote to the left of the proxy's are never the address", async () => {
    process.env.TRUST_PROXY = "1";
    // The client sent "X-Forwarded-For: 10.9.9.9, 10.8.8.8"; the proxy appended what it saw.
    for (const rotating of ["10.9.9.9", "10.7.7.7, 10.8.8.8", "not-an-address"]) {
      const seen = await (await fetch(`${base}/echo`, { headers: { "x-forwarded-for": `${rotating}, 203.0.113.5` } })).json();
      expect(seen.ip).toBe("203.0.113.5");
    }
    expect(nodeView["x-devportal-client-ip"]).toBe("203.0.113.5");
  });

  it("TRUST_PROXY=2 (a CDN in front of a load balancer) takes the second entry from the right", async () => {
    process.env.TRUST_PROXY = "2";
    const seen = await (await fetch(`${base}/echo`, { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.5, 198.51.100.20" } })).json();
    expect(seen.ip).toBe("203.0.113.5");
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { normalizeHeaders } from "@/lib/platform/client-address";
import { FALLBACK_CSP } from "./portal-headers";
import { guardEdge } from "./edge";

/**
 * server.ts's edge on a real port, in front of a stand-in for the platform and Next that reads
 * the whole body (as next-auth's route did: 200 MB were read before it answered).
 */
let server: Server;
let port = 0;
const reached: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    normalizeHeaders(req);
    if (guardEdge(req, res)) return;
    reached.push(`${req.method} ${req.url}`);
    let n = 0;
    req.on("data", (c: Buffer) => (n += c.length));
    req.on("end", () => {
      const url = new URL(req.url!, "http://x");
      if (url.searchParams.get("html") === "own-csp") res.setHeader("Content-Security-Policy", "default-src 'none'");
      if (url.searchParams.has("html")) res.setHeader("content-type", "text/html; charset=utf-8");
      else if (url.searchParams.has("headers-in-writehead")) return void res.writeHead(200, { "Content-Type": "text/html" }).end("<p>hi</p>");
      else res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ read: n }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  reached.length = 0;
  delete process.env.TRUST_PROXY;
});

/** Sends only the request head (and `body`, if any) on a raw socket; resolves with the first answer's head. */
function rawRequest(head: string, body = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(head + body));
    let got = "";
    socket.on("data", (c) => {
      got += c.toString("latin1");
      if (got.includes("\r\n\r\n")) {
        socket.destroy();
        resolve(got.slice(0, got.indexOf("\r\n\r\n")));
      }
    });
    socket.on("error", reject);
  });
}

const post = (path: string, length: number, extra = "") =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n${extra}\r\n`;

describe("request body caps at the edge", () => {
  it("a 200 MB sign-in POST is refused with 413 before one byte of the body is sent, and never reaches next-auth", async () => {
    const head = await rawRequest(post("/api/auth/callback/credentials", 200 * 1024 * 1024));
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head.toLowerCase()).toContain("connection: close");
    expect(reached).toEqual([]);
  });

  it("each route has its own size: sign-in 16 KiB, server actions 2 MiB, the platform 64 KiB, pages none", async () => {
    const cases: Array<[string, string, number, number]> = [
      ["POST", "/api/auth/callback/credentials", 16 * 1024, 16 * 1024 + 1],
      ["POST", "/i/oauth2/authorize/decision", 16 * 1024, 16 * 1024 + 1],
      ["POST", "/apps/123", 2 * 1024 * 1024, 2 * 1024 * 1024 + 1],
      ["POST", "/2/tweets", 64 * 1024, 64 * 1024 + 1],
      ["POST", "/oauth/request_token", 64 * 1024, 64 * 1024 + 1],
      ["GET", "/dashboard", 0, 1],
      ["GET", "/api/health", 0, 1],
    ];
    for (const [method, path, fits, over] of cases) {
      const fitting = await fetch(`http://127.0.0.1:${port}${path}`, { method, body: method === "GET" ? undefined : "x".repeat(fits) });
      expect([`${method} ${path}`, fitting.status]).toEqual([`${method} ${path}`, 200]);
      const head = await rawRequest(post(path, over).replace(/^POST/, method));
      expect(head, `${method} ${path} ${over}`).toMatch(/^HTTP\/1\.1 413 /);
    }
  });

  it("a portal route refuses a body of unknown length (chunked) with 411; a platform route reads it up to its own cap", async () => {
    const chunked = (path: string) => `POST ${path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n`;
    expect(await rawRequest(chunked("/signup"))).toMatch(/^HTTP\/1\.1 411 /);
    expect(await rawRequest(chunked("/api/auth/callback/credentials"))).toMatch(/^HTTP\/1\.1 411 /);
    expect(await rawRequest(chunked("/2/tweets"))).toMatch(/^HTTP\/1\.1 200 /);
    expect(reached).toEqual(["POST /2/tweets"]);
  });
});

describe("headers of every portal answer", () => {
  it("an HTML answer without a CSP gets the fallback policy; one with its own keeps it; JSON gets none", async () => {
    const html = await fetch(`http://127.0.0.1:${port}/api/auth/signout?html`);
    expect(html.headers.get("content-security-policy")).toBe(FALLBACK_CSP);
    const viaWriteHead = await fetch(`http://127.0.0.1:${port}/_next/nope?headers-in-writehead`);
    expect(viaWriteHead.headers.get("content-security-policy")).toBe(FALLBACK_CSP);
    const own = await fetch(`http://127.0.0.1:${port}/apps/1/icon?html=own-csp`);
    expect(own.headers.get("content-security-policy")).toBe("default-src 'none'");
    const json = await fetch(`http://127.0.0.1:${port}/api/auth/session`);
    expect(json.headers.get("content-security-policy")).toBeNull();
  });

  it("HSTS on every portal answer that came over TLS through a trusted proxy, never otherwise", async () => {
    const https = { "x-forwarded-proto": "https" };
    expect((await fetch(`http://127.0.0.1:${port}/api/auth/signout?html`, { headers: https })).headers.get("strict-transport-security")).toBeNull();
    process.env.TRUST_PROXY = "1";
    for (const path of ["/api/auth/signout?html", "/api/auth/session", "/_next/static/x.js"]) {
      expect((await fetch(`http://127.0.0.1:${port}${path}`, { headers: https })).headers.get("strict-transport-security"), path).toMatch(/^max-age=\d+/);
    }
    expect((await fetch(`http://127.0.0.1:${port}/api/auth/session`)).headers.get("strict-transport-security")).toBeNull();
  });
});

import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasBody, rawHeaderReader, requestBody } from "./request";

// A tiny app on a real port: the middleware and the handler both ask for the body, as the
// platform's size checks and handlers do; the answer says what each saw and whether the
// Request's own web stream was ever touched (it must not be, behind node).
const app = new Hono();
const MAX = 64;
let aborted: Promise<string> | null = null;
app.use("/echo", async (c, next) => {
  if (hasBody(c) && (await requestBody(c, MAX)) === null) return c.json({ tooLarge: true }, 400);
  await next();
});
app.post("/echo", async (c) => {
  const body = await requestBody(c, MAX);
  const viaStream = Object.getOwnPropertySymbols(c.req.raw).some((s) => s.description === "requestCache" && (c.req.raw as unknown as Record<symbol, unknown>)[s]);
  return c.json({ body, viaStream, hasBody: hasBody(c) });
});
app.post("/abort", (c) => {
  aborted = requestBody(c, MAX).then(
    () => "resolved",
    (err: Error) => err.name,
  );
  return new Promise<Response>(() => undefined); // never answers: the client goes away
});

let server: ServerType;
let port = 0;
beforeAll(async () => {
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends `chunks` with Content-Length (declared) or chunked; resolves status and JSON body. */
function send(path: string, chunks: string[], opts: { declared?: number; chunked?: boolean } = {}) {
  return new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
    const headers: Record<string, string> = opts.chunked
      ? { "transfer-encoding": "chunked" }
      : { "content-length": String(opts.declared ?? Buffer.byteLength(chunks.join(""))) };
    const req = httpRequest({ host: "127.0.0.1", port, path, method: "POST", headers, agent: false }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("platform request bodies behind node", () => {
  it("reads the body once for the middleware and the handler, without the web stream", async () => {
    const res = await send("/echo", ["a=1&", "b=é"], { chunked: true });
    expect(res).toEqual({ status: 200, json: { body: "a=1&b=é", viaStream: false, hasBody: true } });
  });

  it("treats a declared empty body as none", async () => {
    expect(await send("/echo", [])).toEqual({ status: 200, json: { body: "", viaStream: false, hasBody: false } });
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    expect(await send("/echo", ["x".repeat(10)], { declared: MAX + 1 })).toEqual({ status: 400, json: { tooLarge: true } });
  });

  it("stops reading a chunked body once it passes the cap, and the connection still answers", async () => {
    const res = await send("/echo", Array.from({ length: 20 }, () => "y".repeat(10)), { chunked: true });
    expect(res).toEqual({ status: 400, json: { tooLarge: true } });
    expect((await send("/echo", ["ok"])).json.body).toBe("ok");
  });

  it("rejects the read when the client goes away mid-body", async () => {
    await new Promise<void>((resolve) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/abort", method: "POST", headers: { "content-length": "50" }, agent: false });
      req.on("error", () => resolve());
      req.write("a=1");
      setTimeout(() => req.destroy(), 100);
      setTimeout(resolve, 200);
    });
    await expect.poll(() => aborted, { timeout: 2000 }).not.toBeNull();
    expect(await aborted).not.toBe("resolved");
  });
});

describe("platform request bodies without node (app.request)", () => {
  it("reads the Request's own stream, capped", async () => {
    const ok = await app.request("/echo", { method: "POST", body: "a=1" });
    expect(await ok.json()).toMatchObject({ body: "a=1", hasBody: true });
    const big = await app.request("/echo", { method: "POST", body: "z".repeat(MAX + 1) });
    expect(big.status).toBe(400);
  });
});

describe("request headers from node's raw list", () => {
  it("reads case-insensitively and joins repeats as fetch's Headers does", () => {
    const raw = ["Host", "x", "Authorization", "Bearer a", "X-Thing", "1", "authorization", "Bearer b"];
    const reader = rawHeaderReader(raw);
    expect(reader.get("AUTHORIZATION")).toBe(new Headers([["authorization", "Bearer a"], ["authorization", "Bearer b"]]).get("authorization"));
    expect(reader.get("x-thing")).toBe("1");
    expect(reader.get("x-thin")).toBeNull();
    expect(reader.get("content-type")).toBeNull();
  });
});

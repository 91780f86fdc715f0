import { describe, expect, it } from "vitest";
import { readCapped } from "./read-capped";

const chunked = (chunks: number, size: number) =>
  new Request("http://portal.test/x", {
    method: "POST",
    body: new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(size).fill(97));
        controller.close();
      },
    }),
    // @ts-expect-error -- Node's fetch needs duplex for a streamed body
    duplex: "half",
  });

describe("readCapped", () => {
  it("reads a body under the cap, chunked or not", async () => {
    expect(await readCapped(new Request("http://x/", { method: "POST", body: "a=1" }), 16)).toBe("a=1");
    expect(await readCapped(chunked(2, 4), 16)).toBe("aaaaaaaa");
  });

  it("refuses a chunked body without Content-Length once it passes the cap", async () => {
    expect(await readCapped(chunked(100, 1024), 16 * 1024)).toBeNull();
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const req = new Request("http://x/", { method: "POST", body: "a=1", headers: { "content-length": "999999" } });
    expect(await readCapped(req, 16)).toBeNull();
  });
});

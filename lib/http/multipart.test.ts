import { describe, expect, it } from "vitest";
import { multipartBoundary, parseMultipart } from "./multipart";

describe("multipart/form-data", () => {
  it("reads the boundary of the Content-Type", () => {
    expect(multipartBoundary("multipart/form-data; boundary=----abc123")).toBe("----abc123");
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe("a b");
    expect(multipartBoundary("application/json")).toBeNull();
    expect(multipartBoundary("multipart/form-data")).toBeNull();
  });

  it("keeps every part's bytes, binary ones without a filename included; refuses a truncated body", async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);
    const form = new FormData();
    form.append("command", "APPEND");
    form.append("media", new Blob([binary]), "chunk.bin");
    const res = new Response(form);
    const body = Buffer.from(await res.arrayBuffer());
    const boundary = multipartBoundary(res.headers.get("content-type"))!;
    const parts = parseMultipart(body, boundary)!;
    expect(parts.map((p) => [p.name, p.filename])).toEqual([["command", null], ["media", "chunk.bin"]]);
    expect(parts[0]!.data.toString()).toBe("APPEND");
    expect(parts[1]!.data.equals(binary)).toBe(true);

    // twitter-api-v2's own encoding: no filename, application/octet-stream.
    const raw = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="segment_index"\r\n\r\n0\r\n--XyZ\r\nContent-Disposition: form-data; name="media"\r\nContent-Type: application/octet-stream\r\n\r\n'),
      binary,
      Buffer.from("\r\n--XyZ--\r\n"),
    ]);
    const own = parseMultipart(raw, "XyZ")!;
    expect(own.map((p) => [p.name, p.filename, p.contentType])).toEqual([["segment_index", null, null], ["media", null, "application/octet-stream"]]);
    expect(own[1]!.data.equals(binary)).toBe(true);
    expect(parseMultipart(raw.subarray(0, raw.length - 12), "XyZ")).toBeNull();
    expect(parseMultipart(Buffer.from("nothing here"), "XyZ")).toBeNull();
  });
});

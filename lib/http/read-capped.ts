/** The body of a web Request as text, or null when it is larger than `max` bytes (declared or streamed). */
export async function readCapped(req: Request, max: number): Promise<string | null> {
  return (await readCappedBytes(req, max))?.toString("utf8") ?? null;
}

/** The body of a web Request as bytes, or null when it is larger than `max` bytes (declared or streamed). */
export async function readCappedBytes(req: Request, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) return null;
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

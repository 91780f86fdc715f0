import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { MAX_BODY_BYTES } from "@/lib/api/body";
import { oauth2Token, seedApiApp, seedUser, startPlatform } from "./api-test-support";

let platform: { base: string; close: () => Promise<void> };
let bearer: string;

beforeAll(async () => {
  platform = await startPlatform();
  const db = getDb();
  const app = await seedApiApp(db, "lim");
  const me = await seedUser(db, "limme");
  bearer = await oauth2Token(db, platform.base, app, me.id, "tweet.read tweet.write users.read");
});
afterAll(() => platform.close());

const tooLarge = { errors: [{ message: "Request body is too large." }], title: "Invalid Request" };

/** A body sent without Content-Length (chunked), in pieces. */
const chunked = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.subarray(i, i + 8192));
      controller.close();
    },
  });
};

const post = (body: BodyInit, path = "/2/tweets") =>
  fetch(`${platform.base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);

describe("API bodies over 64 KiB", () => {
  const big = JSON.stringify({ text: "x".repeat(MAX_BODY_BYTES) });

  it("are refused with X's 400 when declared", async () => {
    const res = await post(big);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject(tooLarge);
  });

  it("are refused with X's 400 when sent chunked", async () => {
    const res = await post(chunked(big));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject(tooLarge);
    const dm = await post(chunked(big), "/2/dm_conversations");
    expect(dm.status).toBe(400);
    expect(await dm.json()).toMatchObject(tooLarge);
  });

  it("a chunked body within the limit is read whole (and a leading BOM dropped, as Request.text() does)", async () => {
    const res = await post(chunked(`\uFEFF${JSON.stringify({ text: "chunked" })}${" ".repeat(40_000)}`));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { data: { text: string } };
    expect(body.data.text).toBe("chunked");
  });
});

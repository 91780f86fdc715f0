import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { isFormContentType } from "@/lib/http/forms";
import { readCappedBytes } from "@/lib/http/read-capped";
import type { ParamsRequest } from "./params";

/** What the platform reads of request headers: a case-insensitive `get`, repeated headers joined by ", " as in fetch's Headers. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The request's headers. Behind server.ts they are read from node's raw header list as asked
 * for; `c.req.header()` would first build an undici Headers object of all of them on every call
 * path that reads one. Under `app.request()` the Request's own Headers are used.
 */
export function requestHeaders(c: Context): HeaderReader {
  const incoming = incomingOf(c);
  return incoming ? rawHeaderReader(incoming.rawHeaders) : c.req.raw.headers;
}

/** One request header (undefined when absent), as `c.req.header(name)` answers it. */
export const header = (c: Context, name: string): string | undefined => requestHeaders(c).get(name) ?? undefined;

/** A HeaderReader over node's `rawHeaders` ([name, value, name, value, …]). */
export function rawHeaderReader(raw: string[]): HeaderReader {
  return {
    get(name) {
      const wanted = name.toLowerCase();
      let value: string | null = null;
      for (let i = 0; i < raw.length; i += 2) {
        if (raw[i]!.length === wanted.length && raw[i]!.toLowerCase() === wanted) value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
      }
      return value;
    },
  };
}

/**
 * The body of a platform request as text, or null past `max` bytes (declared or counted while
 * read). Read once per request: a middleware that checks the size and the handler that parses
 * it share the same read.
 *
 * Behind server.ts the bytes come straight from node's IncomingMessage. Touching the Request's
 * body instead would make @hono/node-server build a full undici Request around a web stream of
 * the socket, which cost more than everything else a token endpoint does. Under `app.request()`
 * (tests) there is no IncomingMessage and the Request's own stream is read.
 */
export async function requestBody(c: Context, max: number): Promise<string | null> {
  return (await requestBytes(c, max))?.toString("utf8") ?? null;
}

/** The body as bytes (read once, as requestBody), or null past `max` bytes: for binary uploads. */
export function requestBytes(c: Context, max: number): Promise<Buffer | null> {
  const key = c.req.raw;
  let read = reads.get(key);
  if (!read) {
    const incoming = incomingOf(c);
    read = incoming ? readIncoming(incoming, max) : readCappedBytes(key, max);
    reads.set(key, read);
  }
  return read;
}

/** Whether the body is declared `application/x-www-form-urlencoded` (parameters may be ignored otherwise). */
export const isFormRequest = (c: Context): boolean => isFormContentType(header(c, "content-type"));

/** Whether the request carries a body: a method that may have one, not declared empty. */
export function hasBody(c: Context): boolean {
  const method = c.req.method;
  return method !== "GET" && method !== "HEAD" && header(c, "content-length") !== "0";
}

/** The request as readParams (./params.ts) reads it. */
export const paramsRequest = (c: Context): ParamsRequest => ({
  contentType: header(c, "content-type"),
  hasBody: hasBody(c),
  url: c.req.url,
  text: (max) => requestBody(c, max),
});

const reads = new WeakMap<Request, Promise<Buffer | null>>();

const incomingOf = (c: Context): IncomingMessage | undefined => (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;

/**
 * Collects a node request body up to `max` bytes. Past it, reading stops and null is returned;
 * @hono/node-server drains (or, past its own cap, closes) the rest once the answer is sent.
 */
export function readIncoming(incoming: IncomingMessage, max: number): Promise<Buffer | null> {
  if (Number(incoming.headers["content-length"] ?? "0") > max) return Promise.resolve(null);
  if (incoming.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", onError);
      incoming.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= max) return void chunks.push(chunk);
      stop();
      incoming.pause();
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, total));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    const onClose = () => onError(Object.assign(new Error("The client closed the connection before the body ended."), { name: "AbortError" }));
    incoming.on("data", onData);
    incoming.on("end", onEnd);
    incoming.on("error", onError);
    incoming.on("close", onClose);
  });
}

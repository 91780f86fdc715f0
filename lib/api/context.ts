import type { Db } from "@/db/client";
import type { Caller } from "./auth";

/** What an endpoint function gets once the caller is authenticated and counted. */
export interface ApiContext {
  db: Db;
  caller: Caller;
  query: URLSearchParams;
  /** The platform's origin as the client addressed it (for URLs in responses). */
  origin: string;
  now: number;
}

/** An endpoint's answer: a JSON body and its status (200 unless said; 204 has no body). */
export interface ApiResult {
  status?: number;
  body: unknown;
  /** The body as ready JSON text instead (v1.1 ids wider than 2^53 written as digits). */
  rawJson?: string;
}

/** The authenticated user of a user-context call (the resolver guarantees one). */
export function userOf(caller: Caller): string {
  if (!caller.userId) throw new Error("user-context endpoint reached without a user");
  return caller.userId;
}

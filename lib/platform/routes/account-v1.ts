import { Hono } from "hono";
import { getDb } from "@/db/client";
import { verifyCredentials } from "@/lib/domain/oauth1";
import { oauth1Handler } from "./oauth1-http";

/** GET /1.1/account/verify_credentials.json (OAuth 1.0a user context): `{id, id_str, screen_name, name}`. */
export const accountV1Routes = new Hono();

accountV1Routes.get(
  "/1.1/account/verify_credentials.json",
  oauth1Handler((facts) => {
    const { user, accessLevel } = verifyCredentials(getDb(), facts);
    // X's `id` is a JSON number wider than 2^53; it is written as digits, `id_str` carries it exactly.
    const body = JSON.stringify({ id: 0, id_str: user.id, screen_name: user.username, name: user.name }).replace('"id":0', `"id":${user.id}`);
    return new Response(body, { headers: { "content-type": "application/json; charset=utf-8", "x-access-level": accessLevel } });
  }),
);

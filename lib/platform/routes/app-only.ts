import { Hono, type Context } from "hono";
import { getDb } from "@/db/client";
import { authenticateConsumer, invalidateBearerToken, obtainBearerToken } from "@/lib/domain/oauth2/app-only";
import { parseBasicAuth } from "@/lib/oauth2/basic-auth";
import { readParams } from "../params";
import { header, paramsRequest } from "../request";
import { jsonResponse, noStoreJson, tooManyRequests } from "@/lib/oauth2/http";
import { consumeTokenQuota } from "@/lib/oauth2/rate-limit";
import { clientCredentialsSchema, invalidateBearerSchema } from "@/lib/validation/oauth2";
import { authenticityTokenError } from "../problems";

/** App-only bearer tokens (X's /oauth2/token and /oauth2/invalidate_token); every refusal is 403 code 99. */
export const appOnlyRoutes = new Hono();

const refuse = () => jsonResponse(authenticityTokenError(), { status: 403, headers: { "Cache-Control": "no-store" } });

type Handler = (c: Context, params: Record<string, string>) => Response;

/** Form body (or query string), rate limit per (API Key, address), and code 99 for anything unusable. */
const endpoint = (handler: Handler) => async (c: Context) => {
  const form = await readParams(paramsRequest(c), ["form", "query"]);
  if (!form.ok) return refuse();
  const basic = parseBasicAuth(header(c, "authorization"));
  const wait = consumeTokenQuota(`${basic.kind === "basic" ? basic.id : "-"}|${header(c, "x-devportal-client-ip") ?? "unknown"}`);
  return wait ? tooManyRequests(wait) : handler(c, form.params);
};

appOnlyRoutes.post(
  "/oauth2/token",
  endpoint((c, params) => {
    const db = getDb();
    const app = authenticateConsumer(db, header(c, "authorization"));
    if (!app || !clientCredentialsSchema.safeParse(params).success) return refuse();
    return noStoreJson({ token_type: "bearer", access_token: obtainBearerToken(db, app) });
  }),
);

appOnlyRoutes.post(
  "/oauth2/invalidate_token",
  endpoint((c, params) => {
    const db = getDb();
    const app = authenticateConsumer(db, header(c, "authorization"));
    const parsed = invalidateBearerSchema.safeParse(params);
    if (!app || !parsed.success || !invalidateBearerToken(db, app, parsed.data.access_token)) return refuse();
    return noStoreJson({ access_token: parsed.data.access_token });
  }),
);

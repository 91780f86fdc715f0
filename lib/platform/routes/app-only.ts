import { Hono } from "hono";
import { authenticateConsumer, invalidateBearerToken, obtainBearerToken } from "@/lib/domain/oauth2/app-only";
import { clientCredentialsSchema, invalidateBearerSchema } from "@/lib/validation/oauth2";
import { basicAuthOf, clientQuotaKey } from "../client-auth";
import { endpoint, type EdgeRequest } from "../endpoint";
import { AppOnlyRefusal, appOnlyFamily } from "../errors/app-only";
import { noStoreJson } from "../responses";

/** App-only bearer tokens (X's /oauth2/token and /oauth2/invalidate_token); every refusal is 403 code 99. */
export const appOnlyRoutes = new Hono();

/** The App behind `Basic api_key:api_key_secret`, or X's refusal. */
function consumer(req: EdgeRequest) {
  const app = authenticateConsumer(req.db, basicAuthOf(req), req.now);
  if (!app) throw new AppOnlyRefusal();
  return app;
}

/** A form body or the query string (X's invalidate_token example passes access_token there); a budget per (API Key, address). */
const APP_ONLY = { params: ["form", "query"], quota: clientQuotaKey, auth: consumer, errors: appOnlyFamily } as const;

appOnlyRoutes.post(
  "/oauth2/token",
  endpoint({ ...APP_ONLY, schema: clientCredentialsSchema }, (req, app) => noStoreJson({ token_type: "bearer", access_token: obtainBearerToken(req.db, app) })),
);

appOnlyRoutes.post(
  "/oauth2/invalidate_token",
  endpoint({ ...APP_ONLY, schema: invalidateBearerSchema }, (req, app, input) => {
    if (!invalidateBearerToken(req.db, app, input.access_token)) throw new AppOnlyRefusal();
    return noStoreJson({ access_token: input.access_token });
  }),
);

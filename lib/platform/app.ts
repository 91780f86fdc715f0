import { Hono } from "hono";
import { storageFailure } from "@/lib/domain/storage-health";
import { internalErrorAnswer, storageUnavailableAnswer } from "./error-answers";
import { healthAnswer } from "./health";
import { problems, v1Error } from "./problems";
import { apiRoutes } from "./routes/api";
import { oauth1Routes } from "./routes/oauth1";
import { oauth2Routes } from "./routes/oauth2";

/**
 * The platform app: OAuth and API paths, served without Next's per-request cost. Served through
 * lib/platform/listener.ts, which adds the headers every platform answer carries.
 */
export function createPlatformApp(): Hono {
  const app = new Hono();

  app.get("/api/health", (c) => {
    const { status, body } = healthAnswer();
    return c.json(body, status as 200 | 503);
  });
  app.route("/", oauth1Routes);
  app.route("/", oauth2Routes);
  app.route("/", apiRoutes);

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith("/2/") || path === "/2") return c.json(problems.notFoundRoute(), 404);
    return c.json(v1Error(34, "Sorry, that page does not exist."), 404);
  });

  // Storage failures answer 503 in the path's own error shape; anything else is a bug (500, logged).
  app.onError((err, c) => {
    const path = new URL(c.req.url).pathname;
    const failure = storageFailure(err);
    if (failure) return storageUnavailableAnswer(path, failure);
    console.error("platform error", c.req.method, path, err.name, err.message);
    return internalErrorAnswer(path);
  });

  return app;
}

import { Hono } from "hono";
import { faultAnswer, shapeOfPath } from "./errors/shapes";
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

  // Endpoints answer their own faults in their family's shape (lib/platform/endpoint.ts); this
  // catches what fails outside one, in the shape of the path: storage failures 503, bugs 500.
  app.onError((err, c) => {
    const path = new URL(c.req.url).pathname;
    return faultAnswer(shapeOfPath(path), err, null, `platform ${c.req.method} ${path}`);
  });

  return app;
}

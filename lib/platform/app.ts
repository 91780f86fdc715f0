import { Hono } from "hono";
import { env } from "@/lib/config/env";
import { HSTS, servedOverTls } from "@/lib/security/csp";
import { problems, v1Error } from "./problems";
import { apiRoutes } from "./routes/api";
import { oauth1Routes } from "./routes/oauth1";
import { oauth2Routes } from "./routes/oauth2";
import { requestHeaders } from "./request";

/** The platform app: OAuth and API paths, served without Next's per-request cost. */
export function createPlatformApp(): Hono {
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    // On the response's own headers: c.header() after next() rebuilds the response from its body
    // stream, which behind @hono/node-server turns every answer into a streamed undici Response.
    // Headers of a Response.redirect()/error() are immutable: those go through c.header().
    const set = (name: string, value: string) => {
      try {
        c.res.headers.set(name, value);
      } catch {
        c.header(name, value);
      }
    };
    set("x-served-by", "platform");
    set("x-content-type-options", "nosniff");
    if (servedOverTls(requestHeaders(c), env.trustProxy)) set("strict-transport-security", HSTS);
  });

  app.get("/api/health", (c) => c.json({ status: "ok" }));
  app.route("/", oauth1Routes);
  app.route("/", oauth2Routes);
  app.route("/", apiRoutes);

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith("/2/") || path === "/2") return c.json(problems.notFoundRoute(), 404);
    return c.json(v1Error(34, "Sorry, that page does not exist."), 404);
  });

  app.onError((err, c) => {
    console.error("platform error", c.req.method, new URL(c.req.url).pathname, err.name, err.message);
    return c.json(v1Error(131, "Internal error"), 500);
  });

  return app;
}

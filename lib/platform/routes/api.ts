import { Hono } from "hono";

/** Platform routes for api; mounted by lib/platform/app.ts. */
export const apiRoutes = new Hono();

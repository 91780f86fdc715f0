import { Hono } from "hono";

/** Platform routes for oauth1; mounted by lib/platform/app.ts. */
export const oauth1Routes = new Hono();

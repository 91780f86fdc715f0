import { Hono } from "hono";

/** Platform routes for oauth2; mounted by lib/platform/app.ts. */
export const oauth2Routes = new Hono();

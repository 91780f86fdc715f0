import { Hono } from "hono";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { getMe, getUserById, getUserByUsername } from "@/lib/api/users";
import { apiEndpoint } from "./api-endpoint";

/** GET /2/users/me, /2/users/:id, /2/users/by/username/:username. */
export const apiUserRoutes = new Hono();

apiUserRoutes.get("/2/users/me", apiEndpoint(ENDPOINTS.usersMe, (ctx) => getMe(ctx)));
apiUserRoutes.get("/2/users/by/username/:username", apiEndpoint(ENDPOINTS.userByUsername, (ctx, c) => getUserByUsername(ctx, c.req.param("username")!)));
apiUserRoutes.get("/2/users/:id", apiEndpoint(ENDPOINTS.userById, (ctx, c) => getUserById(ctx, c.req.param("id")!)));

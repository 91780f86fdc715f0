import { Hono } from "hono";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { searchRecentTweets } from "@/lib/api/search";
import { apiEndpoint } from "./api-endpoint";

/** GET /2/tweets/search/recent. */
export const apiSearchRoutes = new Hono();

apiSearchRoutes.get("/2/tweets/search/recent", apiEndpoint(ENDPOINTS.searchRecent, (ctx) => searchRecentTweets(ctx)));

import { Hono } from "hono";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { lookupTweet, postTweet, removeTweet } from "@/lib/api/tweets";
import { apiEndpoint } from "./api-endpoint";

/** POST /2/tweets, GET and DELETE /2/tweets/:id. */
export const apiTweetRoutes = new Hono();

apiTweetRoutes.post("/2/tweets", apiEndpoint(ENDPOINTS.createTweet, (ctx, _c, body) => postTweet(ctx, body)));
apiTweetRoutes.get("/2/tweets/:id", apiEndpoint(ENDPOINTS.getTweet, (ctx, c) => lookupTweet(ctx, c.req.param("id")!)));
apiTweetRoutes.delete("/2/tweets/:id", apiEndpoint(ENDPOINTS.deleteTweet, (ctx, c) => removeTweet(ctx, c.req.param("id")!)));

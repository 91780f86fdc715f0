import { Hono } from "hono";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { lookupTweets } from "@/lib/api/tweet-lookup";
import { hideReply, lookupTweet, postTweet, removeTweet } from "@/lib/api/tweets";
import { apiEndpoint } from "./api-endpoint";

/** POST and GET /2/tweets (by ids), GET and DELETE /2/tweets/:id, PUT /2/tweets/:id/hidden. */
export const apiTweetRoutes = new Hono();

apiTweetRoutes.post("/2/tweets", apiEndpoint(ENDPOINTS.createTweet, (ctx, _c, body) => postTweet(ctx, body)));
apiTweetRoutes.get("/2/tweets", apiEndpoint(ENDPOINTS.tweetsByIds, (ctx) => lookupTweets(ctx)));
apiTweetRoutes.get("/2/tweets/:id", apiEndpoint(ENDPOINTS.getTweet, (ctx, c) => lookupTweet(ctx, c.req.param("id")!)));
apiTweetRoutes.delete("/2/tweets/:id", apiEndpoint(ENDPOINTS.deleteTweet, (ctx, c) => removeTweet(ctx, c.req.param("id")!)));
apiTweetRoutes.put("/2/tweets/:id/hidden", apiEndpoint(ENDPOINTS.hideReply, (ctx, c, body) => hideReply(ctx, c.req.param("id")!, body)));

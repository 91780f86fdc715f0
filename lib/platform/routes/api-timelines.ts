import { Hono } from "hono";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { getHomeTimeline, getUserMentions, getUserTweets } from "@/lib/api/timelines";
import { apiEndpoint } from "./api-endpoint";

/** GET /2/users/:id/tweets, /mentions and /timelines/reverse_chronological. */
export const apiTimelineRoutes = new Hono();

apiTimelineRoutes.get("/2/users/:id/tweets", apiEndpoint(ENDPOINTS.userTweets, (ctx, c) => getUserTweets(ctx, c.req.param("id")!)));
apiTimelineRoutes.get("/2/users/:id/mentions", apiEndpoint(ENDPOINTS.userMentions, (ctx, c) => getUserMentions(ctx, c.req.param("id")!)));
apiTimelineRoutes.get(
  "/2/users/:id/timelines/reverse_chronological",
  apiEndpoint(ENDPOINTS.homeTimeline, (ctx, c) => getHomeTimeline(ctx, c.req.param("id")!)),
);

import { Hono } from "hono";
import { apiDmRoutes } from "./api-dms";
import { apiEngagementRoutes } from "./api-engagement";
import { apiMediaRoutes } from "./api-media";
import { apiSearchRoutes } from "./api-search";
import { apiTimelineRoutes } from "./api-timelines";
import { apiTweetRoutes } from "./api-tweets";
import { apiUserRoutes } from "./api-users";

/** The sandbox API (/2/users, /2/tweets, search, timelines, likes, retweets, follows, DMs, media); mounted by lib/platform/app.ts. */
export const apiRoutes = new Hono();

apiRoutes.route("/", apiUserRoutes);
apiRoutes.route("/", apiSearchRoutes);
apiRoutes.route("/", apiTweetRoutes);
apiRoutes.route("/", apiTimelineRoutes);
apiRoutes.route("/", apiEngagementRoutes);
apiRoutes.route("/", apiDmRoutes);
apiRoutes.route("/", apiMediaRoutes);

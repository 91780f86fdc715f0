import { Hono } from "hono";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { follow, getFollowers, getFollowing, unfollow } from "@/lib/api/follows";
import { getLikedTweets, getLikingUsers, like, unlike } from "@/lib/api/likes";
import { deleteRetweet, getRetweetedBy, postRetweet } from "@/lib/api/retweets";
import { apiEndpoint } from "./api-endpoint";

/** Likes, retweets and follows: the manage endpoints (own user only) and their lookups. */
export const apiEngagementRoutes = new Hono();

const r = apiEngagementRoutes;
r.post("/2/users/:id/likes", apiEndpoint(ENDPOINTS.like, (ctx, c, body) => like(ctx, c.req.param("id")!, body)));
r.delete("/2/users/:id/likes/:tweet_id", apiEndpoint(ENDPOINTS.unlike, (ctx, c) => unlike(ctx, c.req.param("id")!, c.req.param("tweet_id")!)));
r.get("/2/tweets/:id/liking_users", apiEndpoint(ENDPOINTS.likingUsers, (ctx, c) => getLikingUsers(ctx, c.req.param("id")!)));
r.get("/2/users/:id/liked_tweets", apiEndpoint(ENDPOINTS.likedTweets, (ctx, c) => getLikedTweets(ctx, c.req.param("id")!)));

r.post("/2/users/:id/retweets", apiEndpoint(ENDPOINTS.retweet, (ctx, c, body) => postRetweet(ctx, c.req.param("id")!, body)));
r.delete(
  "/2/users/:id/retweets/:source_tweet_id",
  apiEndpoint(ENDPOINTS.unretweet, (ctx, c) => deleteRetweet(ctx, c.req.param("id")!, c.req.param("source_tweet_id")!)),
);
r.get("/2/tweets/:id/retweeted_by", apiEndpoint(ENDPOINTS.retweetedBy, (ctx, c) => getRetweetedBy(ctx, c.req.param("id")!)));

r.post("/2/users/:id/following", apiEndpoint(ENDPOINTS.follow, (ctx, c, body) => follow(ctx, c.req.param("id")!, body)));
r.delete(
  "/2/users/:source_user_id/following/:target_user_id",
  apiEndpoint(ENDPOINTS.unfollow, (ctx, c) => unfollow(ctx, c.req.param("source_user_id")!, c.req.param("target_user_id")!)),
);
r.get("/2/users/:id/following", apiEndpoint(ENDPOINTS.following, (ctx, c) => getFollowing(ctx, c.req.param("id")!)));
r.get("/2/users/:id/followers", apiEndpoint(ENDPOINTS.followers, (ctx, c) => getFollowers(ctx, c.req.param("id")!)));

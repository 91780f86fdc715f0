// passport-twitter 1.0.4 (OAuth 1.0a through passport 0.7 and passport-oauth1) in a minimal node:http
// relying party, unmodified, against Devportal (network pointed by lib/runtime/x-hosts.mjs): sign a
// user in and read the profile (passport-twitter reads GET /1.1/account/verify_credentials.json).
import passport from "passport";
import { Strategy } from "passport-twitter";
import { check, env, open, scenario, step } from "./contract.mjs";
import { startRelyingParty } from "./passport-rp.mjs";

const CALLBACK = env("CALLBACK_URL");
const USERNAME = env("USERNAME");
const USER_ID = env("USER_ID");

passport.use(
  new Strategy({ consumerKey: env("CONSUMER_KEY"), consumerSecret: env("CONSUMER_SECRET"), callbackURL: CALLBACK }, (token, tokenSecret, profile, done) =>
    done(null, { token, tokenSecret, profile: { id: profile.id, username: profile.username, displayName: profile.displayName, provider: profile.provider } }),
  ),
);

await scenario(async () => {
  const rp = await startRelyingParty("twitter", CALLBACK);
  try {
    const url = await step("passport-twitter.login", async () => {
      const location = await rp.login();
      check(location.startsWith("https://api.twitter.com/oauth/authenticate?oauth_token="), `redirect to ${location}`);
      return { url: location };
    });
    const answer = await step("passport-twitter.consent", async () => ({ callback: (await open(url.url)).callback }));
    await step("passport-twitter.callback", async () => {
      const user = await rp.finish(answer.callback);
      check(user?.profile?.id === USER_ID && user.profile.username === USERNAME && user.profile.provider === "twitter", `user: ${JSON.stringify(user)}`);
      check(user.token.startsWith(`${USER_ID}-`) && user.tokenSecret, "no access token");
      return { profile: user.profile };
    });
  } finally {
    rp.close();
  }
});

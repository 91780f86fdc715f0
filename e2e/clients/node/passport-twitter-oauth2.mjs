// @superfaceai/passport-twitter-oauth2 1.2.4 (OAuth 2.0 PKCE through passport 0.7 and
// passport-oauth2) in a minimal node:http relying party, unmodified, against Devportal (network
// pointed by lib/runtime/x-hosts.mjs): sign a user in, profile from GET /2/users/me.
// node --import lib/runtime/x-hosts.mjs e2e/clients/node/passport-twitter-oauth2.mjs <confidential|public>
import passport from "passport";
import { Strategy } from "@superfaceai/passport-twitter-oauth2";
import { check, env, open, scenario, step } from "./contract.mjs";
import { startRelyingParty } from "./passport-rp.mjs";

const CALLBACK = env("CALLBACK_URL");
const USERNAME = env("USERNAME");
const USER_ID = env("USER_ID");
const clientType = process.argv[2];
if (!["confidential", "public"].includes(clientType)) throw new Error("client type? confidential | public");
const client =
  clientType === "confidential" ? { clientID: env("CLIENT_ID"), clientSecret: env("CLIENT_SECRET") } : { clientID: env("PUBLIC_CLIENT_ID") };

passport.use(
  new Strategy({ ...client, clientType, callbackURL: CALLBACK, scope: ["tweet.read", "offline.access"] }, (accessToken, refreshToken, profile, done) =>
    done(null, { accessToken, refreshToken, profile: { id: profile.id, username: profile.username, displayName: profile.displayName, provider: profile.provider } }),
  ),
);

await scenario(async () => {
  const rp = await startRelyingParty("twitter", CALLBACK);
  const prefix = `passport-twitter-oauth2.${clientType}`;
  try {
    const url = await step(`${prefix}.login`, async () => {
      const location = await rp.login();
      check(location.startsWith("https://twitter.com/i/oauth2/authorize?"), `redirect to ${location}`);
      return { url: location };
    });
    const answer = await step(`${prefix}.consent`, async () => ({ callback: (await open(url.url)).callback }));
    await step(`${prefix}.callback`, async () => {
      const user = await rp.finish(answer.callback);
      check(user?.profile?.id === USER_ID && user.profile.username === USERNAME, `user: ${JSON.stringify(user)}`);
      check(user.accessToken && user.refreshToken, "no tokens");
      return { profile: user.profile };
    });
  } finally {
    rp.close();
  }
});

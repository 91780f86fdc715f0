// twitter-api-v2 1.29.1, unmodified, against Devportal (network pointed by lib/runtime/x-hosts.mjs).
// node --import lib/runtime/x-hosts.mjs e2e/clients/node/twitter-api-v2.mjs <oauth1|pin|authenticate|oauth2|oauth2-public|app-only>
import { TwitterApi } from "twitter-api-v2";
import { callbackParams, check, env, open, refused, scenario, step } from "./contract.mjs";

const consumer = { appKey: env("CONSUMER_KEY"), appSecret: env("CONSUMER_SECRET") };
const CALLBACK = env("CALLBACK_URL");
const USERNAME = env("USERNAME");
const USER_ID = env("USER_ID");
const RECIPIENT = env("DM_RECIPIENT_ID");
const stamp = () => new Date().toISOString();

/** OAuth 1.0a: request token → consent (callback or PIN) → login(verifier). */
async function oauth1Login(callback, linkMode) {
  const link = await step(`${linkMode}.request_token`, async () => {
    const l = await new TwitterApi(consumer).generateAuthLink(callback, { linkMode });
    check(l.url.startsWith(`https://api.x.com/oauth/${linkMode}?oauth_token=`), `unexpected link ${l.url}`);
    check(l.oauth_callback_confirmed === "true", "oauth_callback_confirmed is not true");
    return { url: l.url, oauth_token: l.oauth_token, oauth_token_secret: l.oauth_token_secret };
  });
  const verifier = await step(`${linkMode}.consent`, async () => {
    const answer = await open(link.url);
    if (answer.pin) return { verifier: answer.pin };
    const params = callbackParams(answer);
    check(params.get("oauth_token") === link.oauth_token, `callback ${answer.callback} is not for ${link.oauth_token}`);
    return { verifier: params.get("oauth_verifier") };
  });
  return step(`${linkMode}.access_token`, async () => {
    const requestClient = new TwitterApi({ ...consumer, accessToken: link.oauth_token, accessSecret: link.oauth_token_secret });
    const login = await requestClient.login(verifier.verifier);
    check(login.screenName === USERNAME, `screen_name ${login.screenName}`);
    check(login.userId === USER_ID, `user_id ${login.userId}`);
    return { accessToken: login.accessToken, accessSecret: login.accessSecret };
  });
}

const userClient = (tokens) => new TwitterApi({ ...consumer, accessToken: tokens.accessToken, accessSecret: tokens.accessSecret });

/** The user calls every user-context client makes: me, Tweet, DM send + lookup. */
async function userCalls(prefix, client) {
  await step(`${prefix}.v2.me`, async () => {
    const me = await client.v2.me();
    check(me.data.id === USER_ID && me.data.username === USERNAME, `me: ${JSON.stringify(me.data)}`);
    return { id: me.data.id };
  });
  const text = `Hello from twitter-api-v2 (${prefix}) ${stamp()}`;
  const tweet = await step(`${prefix}.v2.tweet`, async () => {
    const created = await client.v2.tweet(text);
    check(created.data.text === text, `tweet: ${JSON.stringify(created.data)}`);
    return { id: created.data.id };
  });
  await step(`${prefix}.v2.singleTweet`, async () => {
    const read = await client.v2.singleTweet(tweet.id);
    check(read.data.text === text, `tweet lookup: ${JSON.stringify(read.data)}`);
  });
  const dm = `DM from twitter-api-v2 (${prefix}) ${stamp()}`;
  await step(`${prefix}.dm.send`, async () => {
    const sent = await client.v2.sendDmToParticipant(RECIPIENT, { text: dm });
    check(sent.data?.dm_event_id && sent.data?.dm_conversation_id, `dm: ${JSON.stringify(sent)}`);
    return { dm_event_id: sent.data.dm_event_id };
  });
  await step(`${prefix}.dm.lookup`, async () => {
    const events = await client.v2.listDmEventsWithParticipant(RECIPIENT, { "dm_event.fields": ["text", "sender_id"] });
    const texts = events.events.map((e) => e.text);
    check(texts.includes(dm), `DM events: ${JSON.stringify(texts)}`);
    return { events: texts.length };
  });
}

const flows = {
  async oauth1() {
    const tokens = await oauth1Login(CALLBACK, "authorize");
    const client = userClient(tokens);
    await userCalls("oauth1", client);
    await step("oauth1.v1.verifyCredentials", async () => {
      const user = await client.v1.verifyCredentials();
      check(user.screen_name === USERNAME && user.id_str === USER_ID, `verify_credentials: ${JSON.stringify(user)}`);
      return { screen_name: user.screen_name };
    });
    await step("oauth1.invalidate_token", async () => {
      // No helper in twitter-api-v2: its signed generic call, as its users do.
      const answer = await client.post("https://api.x.com/1.1/oauth/invalidate_token", {});
      check(answer.access_token === tokens.accessToken, `invalidate_token: ${JSON.stringify(answer)}`);
    });
    await step("oauth1.invalidated_token_refused", async () => {
      const err = await refused(client.v1.verifyCredentials(), "an invalidated token still works");
      check(err.code === 401 && err.data?.errors?.[0]?.code === 89, `expected 401 code 89, got ${err.code} ${JSON.stringify(err.data)}`);
    });
  },

  async pin() {
    const tokens = await oauth1Login("oob", "authorize");
    await step("pin.v2.me", async () => {
      const me = await userClient(tokens).v2.me();
      check(me.data.id === USER_ID, `me: ${JSON.stringify(me.data)}`);
    });
  },

  async authenticate() {
    // Sign in with X: the first time the consent page, the second straight back with the same token.
    const first = await oauth1Login(CALLBACK, "authenticate");
    await step("authenticate.v1.verifyCredentials", async () => {
      const user = await userClient(first).v1.verifyCredentials();
      check(user.screen_name === USERNAME, `verify_credentials: ${JSON.stringify(user)}`);
    });
    const again = await oauth1Login(CALLBACK, "authenticate");
    await step("authenticate.same_token", async () => check(again.accessToken === first.accessToken, "Sign in with X issued a different token"));
  },

  async oauth2() {
    await oauth2Flow("oauth2", new TwitterApi({ clientId: env("CLIENT_ID"), clientSecret: env("CLIENT_SECRET") }));
  },

  async "oauth2-public"() {
    await oauth2Flow("oauth2-public", new TwitterApi({ clientId: env("PUBLIC_CLIENT_ID") }));
  },

  async "app-only"() {
    const app = await step("app-only.appLogin", async () => ({ bearer: (await new TwitterApi(consumer).appLogin()).getActiveTokens().bearerToken }));
    const client = new TwitterApi(app.bearer);
    await step("app-only.v2.user", async () => {
      const user = await client.v2.user(USER_ID);
      check(user.data.username === USERNAME, `user: ${JSON.stringify(user.data)}`);
    });
    await step("app-only.v2.userByUsername", async () => {
      const user = await client.v2.userByUsername(USERNAME, { "user.fields": ["created_at"] });
      check(user.data.id === USER_ID && user.data.created_at, `user: ${JSON.stringify(user.data)}`);
    });
    await step("app-only.v2.me_refused", async () => {
      const err = await refused(client.v2.me(), "users/me answered an app-only token");
      check(err.code === 403 && err.data?.type === "https://api.twitter.com/2/problems/unsupported-authentication", `got ${err.code} ${JSON.stringify(err.data)}`);
    });
  },
};

/** OAuth 2.0 PKCE (twitter-api-v2 builds S256 only), then refresh rotation and revoke. */
async function oauth2Flow(prefix, requestClient) {
  const scope = ["tweet.read", "tweet.write", "users.read", "dm.read", "dm.write", "offline.access"];
  const link = await step(`${prefix}.authorize_link`, async () => {
    const l = requestClient.generateOAuth2AuthLink(CALLBACK, { scope });
    check(l.url.startsWith("https://x.com/i/oauth2/authorize?"), `link ${l.url}`);
    return { url: l.url, state: l.state, codeVerifier: l.codeVerifier };
  });
  const code = await step(`${prefix}.consent`, async () => {
    const params = callbackParams(await open(link.url));
    check(params.get("state") === link.state, `state ${params.get("state")} (error=${params.get("error")})`);
    check(params.get("code"), `no code (error=${params.get("error")}: ${params.get("error_description")})`);
    return { code: params.get("code") };
  });
  const login = await step(`${prefix}.loginWithOAuth2`, async () => {
    const l = await requestClient.loginWithOAuth2({ code: code.code, codeVerifier: link.codeVerifier, redirectUri: CALLBACK });
    check(l.refreshToken && l.expiresIn === 7200, `token answer: ${JSON.stringify({ expiresIn: l.expiresIn, scope: l.scope })}`);
    return { accessToken: l.accessToken, refreshToken: l.refreshToken, scope: l.scope.join(" ") };
  });
  await userCalls(prefix, new TwitterApi(login.accessToken));
  const refreshed = await step(`${prefix}.refreshOAuth2Token`, async () => {
    const r = await requestClient.refreshOAuth2Token(login.refreshToken);
    check(r.refreshToken && r.refreshToken !== login.refreshToken && r.accessToken !== login.accessToken, "refresh did not rotate");
    return { accessToken: r.accessToken, refreshToken: r.refreshToken };
  });
  await step(`${prefix}.refreshed_token_works`, async () => {
    const me = await new TwitterApi(refreshed.accessToken).v2.me();
    check(me.data.id === USER_ID, `me: ${JSON.stringify(me.data)}`);
  });
  await step(`${prefix}.revokeOAuth2Token`, async () => {
    const answer = await requestClient.revokeOAuth2Token(refreshed.accessToken, "access_token");
    check(answer.revoked === true, `revoke: ${JSON.stringify(answer)}`);
  });
  await step(`${prefix}.revoked_token_refused`, async () => {
    const err = await refused(new TwitterApi(refreshed.accessToken).v2.me(), "a revoked token still works");
    check(err.code === 401, `got ${err.code} ${JSON.stringify(err.data)}`);
  });
  // Last: Devportal treats a replayed refresh token as theft and revokes the whole grant.
  await step(`${prefix}.old_refresh_refused`, async () => {
    const err = await refused(requestClient.refreshOAuth2Token(login.refreshToken), "the used refresh token worked again");
    check(err.code === 400 && ["invalid_request", "invalid_grant"].includes(err.data?.error), `got ${err.code} ${JSON.stringify(err.data)}`);
  });
}

const flow = flows[process.argv[2]];
if (!flow) throw new Error(`flow? ${Object.keys(flows).join(" | ")}`);
await scenario(flow);

// twitter-api-sdk 1.2.1 (X's own TypeScript SDK), unmodified, against Devportal (network pointed by
// lib/runtime/x-hosts.mjs). node --import lib/runtime/x-hosts.mjs e2e/clients/node/twitter-api-sdk.mjs <s256|plain|app-only>
import crypto from "node:crypto";
import { auth, Client } from "twitter-api-sdk";
import { callbackParams, check, env, open, refused, scenario, step } from "./contract.mjs";

const CALLBACK = env("CALLBACK_URL");
const USERNAME = env("USERNAME");
const USER_ID = env("USER_ID");
const scopes = ["tweet.read", "tweet.write", "users.read", "offline.access"];

/** PKCE with the SDK's own auth.OAuth2User: consent, token, calls, refresh rotation, revoke. */
async function userFlow(prefix, options, urlOptions) {
  const authClient = new auth.OAuth2User({ ...options, callback: CALLBACK, scopes });
  const state = crypto.randomBytes(12).toString("hex");
  const url = await step(`${prefix}.generateAuthURL`, async () => {
    const u = authClient.generateAuthURL({ state, ...urlOptions });
    check(u.startsWith("https://twitter.com/i/oauth2/authorize?"), `url ${u}`);
    return { url: u };
  });
  const code = await step(`${prefix}.consent`, async () => {
    const params = callbackParams(await open(url.url));
    check(params.get("state") === state, `state ${params.get("state")}`);
    check(params.get("code"), `no code (error=${params.get("error")}: ${params.get("error_description")})`);
    return { code: params.get("code") };
  });
  await step(`${prefix}.requestAccessToken`, async () => {
    const { token } = await authClient.requestAccessToken(code.code);
    check(token.access_token && token.refresh_token && token.expires_at > Date.now(), `token: ${JSON.stringify(Object.keys(token))}`);
    return { scope: token.scope };
  });
  const client = new Client(authClient);
  await step(`${prefix}.users.findMyUser`, async () => {
    const me = await client.users.findMyUser();
    check(me.data?.id === USER_ID && me.data.username === USERNAME, `me: ${JSON.stringify(me)}`);
  });
  await step(`${prefix}.tweets.createTweet`, async () => {
    const text = `Hello from twitter-api-sdk (${prefix}) ${new Date().toISOString()}`;
    const created = await client.tweets.createTweet({ text });
    check(created.data?.text === text, `tweet: ${JSON.stringify(created)}`);
    return { id: created.data.id };
  });
  const before = { ...authClient.token };
  await step(`${prefix}.refreshAccessToken`, async () => {
    const { token } = await authClient.refreshAccessToken();
    check(token.refresh_token && token.refresh_token !== before.refresh_token && token.access_token !== before.access_token, "refresh did not rotate");
  });
  await step(`${prefix}.refreshed_token_works`, async () => {
    const me = await client.users.findMyUser();
    check(me.data?.id === USER_ID, `me: ${JSON.stringify(me)}`);
  });
  await step(`${prefix}.revokeAccessToken`, async () => {
    const answer = await authClient.revokeAccessToken();
    check(answer.revoked === true, `revoke: ${JSON.stringify(answer)}`);
  });
  await step(`${prefix}.revoked_token_refused`, async () => {
    const err = await refused(client.users.findMyUser(), "a revoked token still works");
    check(err.status === 401, `got ${err.status} ${JSON.stringify(err.error)}`);
  });
  // Last: Devportal treats a replayed refresh token as theft and revokes the whole grant.
  await step(`${prefix}.old_refresh_refused`, async () => {
    const stale = new auth.OAuth2User({ ...options, callback: CALLBACK, scopes, token: { refresh_token: before.refresh_token } });
    const err = await refused(stale.refreshAccessToken(), "the used refresh token worked again");
    check(err.status === 400, `got ${err.status} ${JSON.stringify(err.error)}`);
  });
}

const flows = {
  // Web App (confidential): Basic client authentication, S256 (the SDK writes it "s256").
  s256: () => userFlow("s256", { client_id: env("CLIENT_ID"), client_secret: env("CLIENT_SECRET") }, { code_challenge_method: "s256" }),
  // Native App (public): client_id only, plain challenge (the challenge is the verifier).
  plain: () =>
    userFlow("plain", { client_id: env("PUBLIC_CLIENT_ID") }, { code_challenge_method: "plain", code_challenge: crypto.randomBytes(48).toString("base64url") }),

  async "app-only"() {
    // The SDK takes a bearer token; it is obtained the documented way (client_credentials with Basic).
    const bearer = await step("app-only.bearer", async () => {
      const basic = Buffer.from(`${encodeURIComponent(env("CONSUMER_KEY"))}:${encodeURIComponent(env("CONSUMER_SECRET"))}`).toString("base64");
      const res = await fetch("https://api.x.com/oauth2/token", {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
        body: "grant_type=client_credentials",
      });
      const body = await res.json();
      check(res.ok && body.token_type === "bearer", `${res.status} ${JSON.stringify(body)}`);
      return { token: body.access_token };
    });
    const client = new Client(bearer.token);
    await step("app-only.users.findUserById", async () => {
      const user = await client.users.findUserById(USER_ID);
      check(user.data?.username === USERNAME, `user: ${JSON.stringify(user)}`);
    });
    await step("app-only.users.findUserByUsername", async () => {
      const user = await client.users.findUserByUsername(USERNAME);
      check(user.data?.id === USER_ID, `user: ${JSON.stringify(user)}`);
    });
  },
};

const flow = flows[process.argv[2]];
if (!flow) throw new Error(`flow? ${Object.keys(flows).join(" | ")}`);
await scenario(flow);

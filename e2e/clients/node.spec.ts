import { expectSteps, nodeEnv, runClientScenario, seedClients, test } from "./harness";

// Node clients as published, pointed here only by the shipped preload (lib/runtime/x-hosts.mjs):
// "front" = through the nginx TLS front with the repo's config, "direct" = Devportal itself.
const node = (script: string, ...args: string[]) => ({ command: process.execPath, args: [`e2e/clients/node/${script}`, ...args] });

test.describe("twitter-api-v2 1.29.1", () => {
  test("OAuth 1.0a 3-legged, user calls (me, Tweet, DM send + lookup, verify_credentials), invalidate_token — via the nginx front", async ({ page, clients }) => {
    const seeded = await seedClients(clients);
    const run = await runClientScenario(page, clients, { ...node("twitter-api-v2.mjs", "oauth1"), env: { ...seeded.env, ...nodeEnv(clients, "front") }, user: seeded.user });
    expectSteps(run, [
      "authorize.request_token", "authorize.consent", "authorize.access_token",
      "oauth1.v2.me", "oauth1.v2.tweet", "oauth1.v2.singleTweet", "oauth1.dm.send", "oauth1.dm.lookup",
      "oauth1.v1.verifyCredentials", "oauth1.invalidate_token", "oauth1.invalidated_token_refused",
    ]);
  });

  test("OAuth 1.0a PIN (oob)", async ({ page, clients }) => {
    const seeded = await seedClients(clients);
    const run = await runClientScenario(page, clients, { ...node("twitter-api-v2.mjs", "pin"), env: { ...seeded.env, ...nodeEnv(clients) }, user: seeded.user });
    expectSteps(run, ["authorize.request_token", "authorize.consent", "authorize.access_token", "pin.v2.me"]);
  });

  test("Sign in with X (oauth/authenticate), the second time without consent", async ({ page, clients }) => {
    const seeded = await seedClients(clients);
    const run = await runClientScenario(page, clients, { ...node("twitter-api-v2.mjs", "authenticate"), env: { ...seeded.env, ...nodeEnv(clients) }, user: seeded.user });
    expectSteps(run, ["authenticate.request_token", "authenticate.consent", "authenticate.access_token", "authenticate.v1.verifyCredentials", "authenticate.same_token"]);
  });

  for (const [flow, via] of [["oauth2", "front"], ["oauth2-public", "direct"]] as const) {
    test(`OAuth 2.0 PKCE S256 (${flow === "oauth2" ? "Web App, confidential" : "Native App, public"}), user calls, refresh rotation, revoke — ${via}`, async ({ page, clients }) => {
      const seeded = await seedClients(clients);
      const run = await runClientScenario(page, clients, { ...node("twitter-api-v2.mjs", flow), env: { ...seeded.env, ...nodeEnv(clients, via) }, user: seeded.user });
      expectSteps(
        run,
        ["authorize_link", "consent", "loginWithOAuth2", "v2.me", "v2.tweet", "v2.singleTweet", "dm.send", "dm.lookup", "refreshOAuth2Token", "refreshed_token_works", "revokeOAuth2Token", "revoked_token_refused", "old_refresh_refused"].map((s) => `${flow}.${s}`),
      );
    });
  }

  test("app-only: appLogin, v2 user lookups, users/me refused", async ({ page, clients }) => {
    const seeded = await seedClients(clients);
    const run = await runClientScenario(page, clients, { ...node("twitter-api-v2.mjs", "app-only"), env: { ...seeded.env, ...nodeEnv(clients) }, user: seeded.user });
    expectSteps(run, ["app-only.appLogin", "app-only.v2.user", "app-only.v2.userByUsername", "app-only.v2.me_refused"]);
  });
});

test.describe("twitter-api-sdk 1.2.1 (X's SDK)", () => {
  for (const [flow, kind] of [["s256", "Web App, confidential"], ["plain", "Native App, public"]] as const) {
    test(`auth.OAuth2User ${flow} (${kind}): token, findMyUser, createTweet, refresh rotation, revoke`, async ({ page, clients }) => {
      const seeded = await seedClients(clients);
      const run = await runClientScenario(page, clients, { ...node("twitter-api-sdk.mjs", flow), env: { ...seeded.env, ...nodeEnv(clients) }, user: seeded.user });
      expectSteps(
        run,
        ["generateAuthURL", "consent", "requestAccessToken", "users.findMyUser", "tweets.createTweet", "refreshAccessToken", "refreshed_token_works", "revokeAccessToken", "revoked_token_refused", "old_refresh_refused"].map((s) => `${flow}.${s}`),
      );
    });
  }

  test("app-only bearer: findUserById, findUserByUsername", async ({ page, clients }) => {
    const seeded = await seedClients(clients);
    const run = await runClientScenario(page, clients, { ...node("twitter-api-sdk.mjs", "app-only"), env: { ...seeded.env, ...nodeEnv(clients) }, user: seeded.user });
    expectSteps(run, ["app-only.bearer", "app-only.users.findUserById", "app-only.users.findUserByUsername"]);
  });
});

test.describe("passport", () => {
  test("passport-twitter 1.0.4: OAuth 1.0a sign-in in a node:http relying party, profile from verify_credentials", async ({ page, clients }) => {
    const seeded = await seedClients(clients);
    const run = await runClientScenario(page, clients, { ...node("passport-twitter.mjs"), env: { ...seeded.env, ...nodeEnv(clients) }, user: seeded.user });
    expectSteps(run, ["passport-twitter.login", "passport-twitter.consent", "passport-twitter.callback"]);
  });

  for (const clientType of ["confidential", "public"] as const) {
    test(`@superfaceai/passport-twitter-oauth2 1.2.4 (${clientType}): OAuth 2.0 PKCE sign-in, profile from users/me`, async ({ page, clients }) => {
      const seeded = await seedClients(clients);
      const run = await runClientScenario(page, clients, { ...node("passport-twitter-oauth2.mjs", clientType), env: { ...seeded.env, ...nodeEnv(clients) }, user: seeded.user });
      expectSteps(run, ["login", "consent", "callback"].map((s) => `passport-twitter-oauth2.${clientType}.${s}`));
    });
  }
});

test("@auth/core 0.41 Twitter provider (next-auth v5's engine): sign-in in a minimal relying party, session profile", async ({ page, clients }) => {
  const seeded = await seedClients(clients, { callbackUrl: "https://client.example.com/auth/callback/twitter" });
  const run = await runClientScenario(page, clients, { ...node("auth-core.mjs"), env: { ...seeded.env, ...nodeEnv(clients) }, user: seeded.user });
  expectSteps(run, ["auth-core.signin", "auth-core.consent", "auth-core.callback", "auth-core.session"]);
});

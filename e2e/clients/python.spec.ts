import { spawnSync } from "node:child_process";
import { expect, expectSteps, pythonEnv, runClientScenario, seedClients, test, type ClientStack, type ScenarioRun } from "./harness";
import type { Page } from "@playwright/test";

// Python clients from Debian (installed by .ci/run), unmodified: they build X's real URLs and reach
// Devportal only through HTTPS_PROXY (the CONNECT proxy) and the nginx TLS front, trusting the test CA.
const PYTHON = "/usr/bin/python3";
const PINNED = { tweepy: "4.12.1", requests_oauthlib: "1.3.0", authlib: "1.2.0" };

async function python(page: Page, clients: ClientStack, script: string, scenario: string): Promise<ScenarioRun> {
  const seeded = await seedClients(clients);
  return runClientScenario(page, clients, {
    command: PYTHON,
    args: ["-B", `e2e/clients/python/${script}`, scenario],
    env: { ...seeded.env, ...pythonEnv(clients) },
    user: seeded.user,
  });
}

/** A step the library has no call for: reported as skipped with the reason, shown on the test. */
function expectSkipped(run: ScenarioRun, step: string): void {
  const line = run.steps.find((s) => s.step === step);
  expect(line?.skipped, `${step} should be reported as skipped`).toEqual(expect.any(String));
  test.info().annotations.push({ type: "not covered by this library", description: `${step}: ${String(line?.skipped)}` });
}

test("the Python clients are the pinned Debian versions", () => {
  const probe = spawnSync(PYTHON, ["-B", "-c", "import json, tweepy, requests_oauthlib, authlib; print(json.dumps({'tweepy': tweepy.__version__, 'requests_oauthlib': requests_oauthlib.__version__, 'authlib': authlib.__version__}))"], { encoding: "utf8" });
  expect(probe.status, probe.stderr).toBe(0);
  expect(JSON.parse(probe.stdout)).toEqual(PINNED);
});

test.describe(`tweepy ${PINNED.tweepy}`, () => {
  const oauth1 = ["authorization_url", "consent", "access_token"];

  test("OAuth 1.0a 3-legged: users/me, Tweet created and read back, DM sent and read in DM events, v1.1 verify_credentials", async ({ page, clients }) => {
    const run = await python(page, clients, "tweepy_flows.py", "oauth1-3legged");
    expectSteps(run, [...oauth1, "callback", "users_me", "create_tweet", "read_tweet", "send_dm", "read_dm_events", "verify_credentials"]);
    expectSkipped(run, "invalidate_token");
  });

  test("OAuth 1.0a PIN (callback oob)", async ({ page, clients }) => {
    const run = await python(page, clients, "tweepy_flows.py", "oauth1-pin");
    expectSteps(run, [...oauth1, "users_me"]);
    expect(run.answers).toEqual([{ pin: expect.stringMatching(/^\d{7}$/) }]);
  });

  test("Sign in with X (get_authorization_url(signin_with_twitter=True) → oauth/authenticate)", async ({ page, clients }) => {
    const run = await python(page, clients, "tweepy_flows.py", "oauth1-signin");
    expectSteps(run, [...oauth1, "callback", "users_me"]);
    expect(new URL(run.opened[0]!).pathname).toBe("/oauth/authenticate");
  });

  for (const [scenario, label] of [["oauth2-pkce", "Web App, confidential"], ["oauth2-pkce-public", "Native App, public"]] as const) {
    test(`OAuth2UserHandler PKCE S256 with the 171-character verifier (${label}): users/me, Tweet, refresh rotation, old refresh token refused`, async ({ page, clients }) => {
      const run = await python(page, clients, "tweepy_flows.py", scenario);
      expectSteps(run, ["authorization_url", "consent", "fetch_token", "users_me", "create_tweet", "read_tweet", "refresh_token", "users_me_after_refresh", "old_refresh_token_refused"]);
      expect(run.steps.find((s) => s.step === "authorization_url")?.verifier_length).toBe(171);
      expect(new URL(run.opened[0]!).host).toBe("twitter.com");
      expectSkipped(run, "revoke_token");
    });
  }

  test("app-only: OAuth2AppHandler bearer token, v2 user lookups, users/me refused", async ({ page, clients }) => {
    const run = await python(page, clients, "tweepy_flows.py", "app-only");
    expectSteps(run, ["bearer_token", "user_by_username", "user_by_id", "users_me_refused"]);
    expect(run.opened).toEqual([]);
  });
});

test.describe(`requests-oauthlib ${PINNED.requests_oauthlib}`, () => {
  test("OAuth1Session 3-legged: signed GET users/me, signed JSON POST Tweet, signed GET with query, invalidate_token as a signed form POST", async ({ page, clients }) => {
    const run = await python(page, clients, "requests_oauthlib_flows.py", "oauth1");
    expectSteps(run, ["request_token", "consent", "access_token", "users_me", "signed_post_tweet", "signed_get_with_query", "invalidate_token"]);
  });

  for (const [scenario, label] of [
    ["oauth2-pkce-s256", "PKCE S256, Web App with Basic"],
    ["oauth2-pkce-plain", "PKCE plain, Web App with Basic"],
    ["oauth2-pkce-public", "PKCE S256, Native App with client_id in the body"],
  ] as const) {
    test(`OAuth2Session ${label}: users/me, refresh rotation, old refresh token refused`, async ({ page, clients }) => {
      const run = await python(page, clients, "requests_oauthlib_flows.py", scenario);
      expectSteps(run, ["consent", "fetch_token", "users_me", "refresh_token", "users_me_after_refresh", "old_refresh_token_refused"]);
    });
  }
});

test.describe(`authlib ${PINNED.authlib}`, () => {
  test("OAuth1Session 3-legged: users/me, v1.1 verify_credentials", async ({ page, clients }) => {
    const run = await python(page, clients, "authlib_flows.py", "oauth1");
    expectSteps(run, ["request_token", "consent", "access_token", "users_me", "verify_credentials"]);
  });

  for (const [scenario, label] of [["oauth2-pkce-s256", "client_secret_basic (Web App)"], ["oauth2-pkce-public", "auth method none (Native App)"]] as const) {
    test(`OAuth2Session PKCE S256, ${label}: users/me, Tweet, refresh rotation, revoke access and refresh token`, async ({ page, clients }) => {
      const run = await python(page, clients, "authlib_flows.py", scenario);
      expectSteps(run, [
        "consent", "fetch_token", "users_me", "create_tweet", "refresh_token", "users_me_after_refresh",
        "revoke_access_token", "revoke_refresh_token", "revoked_refresh_token_refused",
      ]);
    });
  }
});

import { expectSteps, nodeEnv, runClientScenario, seedClients, test } from "./harness";
import { startCaddy } from "./stack";

// The nginx front runs every "front" scenario (node.spec.ts, python.spec.ts); Caddy's config is
// proven the same way here: OAuth 1.0a signatures over https://api.x.com/... verify only when the
// front forwards the scheme and host the client signed.
test("Caddy with the repo's Caddyfile: twitter-api-v2 OAuth 1.0a PIN and a signed v2 call through it", async ({ page, clients }) => {
  const caddy = await startCaddy(clients);
  try {
    const seeded = await seedClients(clients);
    const run = await runClientScenario(page, clients, {
      command: process.execPath,
      args: ["e2e/clients/node/twitter-api-v2.mjs", "pin"],
      env: { ...seeded.env, ...nodeEnv(clients, "front"), DEVPORTAL_URL: caddy.url },
      user: seeded.user,
    });
    expectSteps(run, ["authorize.request_token", "authorize.consent", "authorize.access_token", "pin.v2.me"]);
  } finally {
    await caddy.stop();
  }
});

import type { Db } from "@/db/client";
import { seedApp, seedDeveloper } from "@/db/test-seed";
import { issueClientSecret } from "@/lib/domain/app-credentials";
import { s256 } from "@/lib/oauth2/pkce";
import type { AppType } from "@/lib/validation/enums";
import { approveAuthorization, type RawParams } from "./authorize";

export const REDIRECT = "https://client.example/callback";
export const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

let n = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-5)}${n++}`.slice(0, 15);

/** An OAuth 2.0 App (public for native/spa, confidential with a Client Secret for web/bot) and a user. */
export async function seedOAuth2App(db: Db, appType: AppType = "web", settings: { requestEmail?: boolean } = {}) {
  const seeded = await seedApp(db, unique("dev"), {
    settings: { oauth2Enabled: true, appType, callbackUrls: [REDIRECT, "myapp://callback/path"], ...settings },
  });
  const clientSecret = appType === "web" || appType === "bot" ? issueClientSecret(db, seeded.app.id) : null;
  const user = (await seedDeveloper(db, unique("user"))).user;
  return { ...seeded, clientSecret, user };
}

export const authorizeParams = (clientId: string, overrides: RawParams = {}): RawParams => ({
  response_type: "code",
  client_id: clientId,
  redirect_uri: REDIRECT,
  scope: "tweet.read users.read offline.access",
  state: "state-123",
  code_challenge: s256(VERIFIER),
  code_challenge_method: "S256",
  ...overrides,
});

/** Approves consent for `userId` and returns the code from the redirect. */
export function approveAndGetCode(db: Db, userId: string, params: RawParams, now = Date.now()): string {
  const outcome = approveAuthorization(db, userId, params, now);
  if (outcome.kind !== "redirect") throw new Error(`expected a redirect, got ${outcome.kind}`);
  const code = new URL(outcome.url).searchParams.get("code");
  if (!code) throw new Error(`no code in ${outcome.url}`);
  return code;
}

// @auth/core 0.41 (the engine of next-auth v5) with its Twitter provider, unmodified, in a minimal
// node relying party: Auth() called with Request objects, as a framework adapter does. Signs a user
// in (CSRF, POST signin/twitter, consent, callback: token + userinfo at X's URLs, pointed at
// Devportal by lib/runtime/x-hosts.mjs) and reads the session's profile.
import { Auth } from "@auth/core";
import Twitter from "@auth/core/providers/twitter";
import crypto from "node:crypto";
import { check, env, open, scenario, step } from "./contract.mjs";

const CALLBACK = env("CALLBACK_URL"); // https://<rp origin>/auth/callback/twitter, registered on the App
const ORIGIN = new URL(CALLBACK).origin;
const USERNAME = env("USERNAME");
const USER_ID = env("USER_ID");

const config = {
  basePath: "/auth",
  trustHost: true,
  secret: crypto.randomBytes(32).toString("hex"),
  providers: [Twitter({ clientId: env("CLIENT_ID"), clientSecret: env("CLIENT_SECRET") })],
  callbacks: {
    jwt({ token, profile }) {
      if (profile) Object.assign(token, { uid: profile.data.id, username: profile.data.username });
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.uid, username: token.username } };
    },
  },
  logger: { error: (e) => process.stderr.write(`auth-core error: ${e?.stack ?? e}\n`), warn: () => {}, debug: () => {} },
};

/** The browser's cookie jar for the RP origin. */
const jar = new Map();
const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function keep(res) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    const [name, value] = [pair.slice(0, i).trim(), pair.slice(i + 1).trim()];
    if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return res;
}
const auth = async (path, init = {}) => keep(await Auth(new Request(new URL(path, ORIGIN), { ...init, headers: { ...init.headers, cookie: cookieHeader() } }), config));

await scenario(async () => {
  const url = await step("auth-core.signin", async () => {
    const { csrfToken } = await (await auth("/auth/csrf")).json();
    const res = await auth("/auth/signin/twitter", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/dashboard` }),
    });
    const location = res.headers.get("location");
    check(res.status === 302 && location?.startsWith("https://x.com/i/oauth2/authorize?"), `signin answered ${res.status} → ${location}`);
    check(new URL(location).searchParams.get("redirect_uri") === CALLBACK, `redirect_uri of ${location}`);
    return { url: location };
  });
  const answer = await step("auth-core.consent", async () => ({ callback: (await open(url.url)).callback }));
  await step("auth-core.callback", async () => {
    const u = new URL(answer.callback);
    const res = await auth(`${u.pathname}${u.search}`);
    const location = res.headers.get("location");
    check(res.status === 302 && location === `${ORIGIN}/dashboard`, `callback answered ${res.status} → ${location} ${await res.text()}`);
  });
  await step("auth-core.session", async () => {
    const session = await (await auth("/auth/session")).json();
    check(session?.user?.id === USER_ID && session.user.username === USERNAME, `session: ${JSON.stringify(session)}`);
    return { user: session.user };
  });
});

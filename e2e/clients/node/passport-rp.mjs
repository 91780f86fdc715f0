// A minimal relying party for passport strategies: node:http, no express. GET /login starts the
// strategy, GET <callback path> finishes it; the answer is the user passport signed in, as JSON.
import http from "node:http";
import passport from "passport";

/**
 * Starts the RP on a free port. `callbackUrl` is the registered callback (on the App's public
 * origin): the harness reports where the browser was sent and `finish` replays that path and
 * query here, as the browser reaching the RP would. One visitor, so one session object.
 */
export async function startRelyingParty(strategyName, callbackUrl) {
  const session = {};
  const callbackPath = new URL(callbackUrl).pathname;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://rp.invalid");
    req.query = Object.fromEntries(url.searchParams);
    req.session = session;
    if (url.pathname !== "/login" && url.pathname !== callbackPath) return res.writeHead(404).end();
    passport.authenticate(strategyName, { session: false }, (err, user, info) => {
      res.writeHead(err || !user ? 401 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify({ user: user || null, info: info ?? null, error: err ? String(err.message ?? err) + (err.oauthError ? ` ${JSON.stringify(err.oauthError)}` : "") : null }));
    })(req, res, (err) => res.writeHead(500).end(String(err)));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    /** Where /login sends the browser (the authorize URL the strategy built). */
    async login() {
      const res = await fetch(`${base}/login`, { redirect: "manual" });
      const location = res.headers.get("location");
      if (res.status !== 302 || !location) throw new Error(`/login answered ${res.status}: ${await res.text()}`);
      return location;
    },
    /** The callback the browser was sent to, replayed on the RP. */
    async finish(callback) {
      const u = new URL(callback);
      const res = await fetch(`${base}${u.pathname}${u.search}`);
      const body = await res.json();
      if (res.status !== 200) throw new Error(`callback answered ${res.status}: ${JSON.stringify(body)}`);
      return body.user;
    },
    close: () => server.close(),
  };
}

// Points an unmodified Node X client at Devportal:
//   DEVPORTAL_URL=http://127.0.0.1:3000 node --import ./lib/runtime/x-hosts.mjs app.js
//   NODE_OPTIONS="--import /abs/path/to/lib/runtime/x-hosts.mjs" npm start
// Requests to api.x.com, api.twitter.com, upload.x.com, x.com and twitter.com made through
// node:http / node:https (and so node-fetch, axios, the `oauth` package) and through undici /
// global fetch go to DEVPORTAL_URL instead. Plain ESM, no build step, no dependency.
//
// - DEVPORTAL_URL=http://host:port is Devportal itself, started with TRUST_PROXY=1: requests go
//   there over plain HTTP with X-Forwarded-Proto (the scheme the client used) and X-Forwarded-Host
//   (the X host), exactly what a TLS front would add, so OAuth 1.0a signatures made over
//   https://api.x.com/... verify.
// - DEVPORTAL_URL=https://host:port is a TLS front that answers for X's hosts (the nginx or Caddy
//   config in lib/runtime/proxy/): the connection goes to that address while the TLS server name
//   and Host stay the X host, as a hosts-file entry would do; trust its CA with NODE_EXTRA_CA_CERTS.
import http from "node:http";
import https from "node:https";
import { syncBuiltinESMExports } from "node:module";
import { urlToHttpOptions } from "node:url";

const X_HOSTS = new Set(["api.x.com", "api.twitter.com", "upload.x.com", "x.com", "twitter.com"]);
const target = new URL(process.env.DEVPORTAL_URL || "http://127.0.0.1:3000");
const viaTls = target.protocol === "https:";
const targetPort = Number(target.port) || (viaTls ? 443 : 80);
const origin = target.origin;

process.stderr.write(
  `x-hosts: https://{${[...X_HOSTS].join(",")}} → ${origin}${viaTls ? " (TLS front, X host kept as server name)" : ""}\n` +
    `x-hosts: open the consent URLs your client prints on Devportal, same path and query: ` +
    `https://x.com/i/oauth2/authorize?… → ${origin}/i/oauth2/authorize?…, https://api.x.com/oauth/authorize?… → ${origin}/oauth/authorize?…\n`,
);

/** The X host a request is for (lower case, no trailing dot), or null. */
function xHost(hostname) {
  const name = String(hostname ?? "").toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  return X_HOSTS.has(name) ? name : null;
}

/** Copy of `headers` without the names in `drop` (any case); array-form headers become an object. */
function headersWithout(headers, drop) {
  const out = {};
  const pairs = Array.isArray(headers)
    ? headers.map((_, i) => (i % 2 === 0 ? [headers[i], headers[i + 1]] : null)).filter(Boolean)
    : Object.entries(headers ?? {});
  for (const [name, value] of pairs) if (!drop.includes(String(name).toLowerCase())) out[name] = value;
  return out;
}

const FORWARDED = ["host", "x-forwarded-host", "x-forwarded-proto"];

/** Where and how to send a request for `host` (scheme `scheme`, port `port`) with `headers`. */
function pointed(host, scheme, port, headers) {
  const defaultPort = scheme === "https" ? 443 : 80;
  const hostHeader = port && Number(port) !== defaultPort ? `${host}:${port}` : host;
  if (viaTls) return { headers: { ...headersWithout(headers, ["host"]), host: hostHeader } };
  return {
    headers: { ...headersWithout(headers, FORWARDED), host: target.host, "x-forwarded-proto": scheme, "x-forwarded-host": hostHeader },
  };
}

// ---- node:http and node:https -------------------------------------------------------------

const original = { httpRequest: http.request, httpsRequest: https.request };

function normalize(args, defaultProtocol) {
  let [input, options, callback] = args;
  if (typeof options === "function") [options, callback] = [undefined, options];
  let merged;
  if (typeof input === "string" || input instanceof URL) merged = { ...urlToHttpOptions(new URL(input)), ...(options ?? {}) };
  else [merged, callback] = [{ ...(input ?? {}) }, typeof options === "function" ? options : callback];
  merged.protocol ??= defaultProtocol;
  return { options: merged, callback };
}

function pointedRequest(defaultProtocol, originalRequest) {
  return function request(...args) {
    const { options, callback } = normalize(args, defaultProtocol);
    const host = xHost(options.hostname ?? options.host);
    if (!host) return originalRequest(...args);
    const scheme = options.protocol === "http:" ? "http" : "https";
    const { headers } = pointed(host, scheme, options.port, options.headers);
    const out = { ...options, hostname: target.hostname, host: target.hostname, port: targetPort, headers };
    delete out.href;
    delete out.origin;
    if (viaTls) {
      out.protocol = "https:";
      out.servername = host;
      if (out.agent instanceof http.Agent && !(out.agent instanceof https.Agent)) delete out.agent;
      return original.httpsRequest(out, callback);
    }
    out.protocol = "http:";
    delete out.servername;
    delete out._defaultAgent;
    if (out.agent instanceof https.Agent) delete out.agent;
    return original.httpRequest(out, callback);
  };
}

http.request = pointedRequest("http:", original.httpRequest);
https.request = pointedRequest("https:", original.httpsRequest);
http.get = function get(...args) {
  const req = http.request(...args);
  req.end();
  return req;
};
https.get = function get(...args) {
  const req = https.request(...args);
  req.end();
  return req;
};
syncBuiltinESMExports();

// ---- undici / global fetch ------------------------------------------------------------------
// Node's fetch and the undici package share one global dispatcher (a well-known symbol). Calling
// fetch once creates Node's own; it is wrapped so that each dispatch for an X origin is re-aimed.
// undici takes the TLS server name from the Host header, so keeping Host = X host keeps the SNI.

const DISPATCHER = Symbol.for("undici.globalDispatcher.1");
if (typeof globalThis.fetch === "function") {
  globalThis.fetch("data:,").catch(() => {});
  const inner = globalThis[DISPATCHER];
  if (inner && typeof inner.dispatch === "function") {
    const dispatch = (opts, handler) => {
      const from = new URL(String(opts.origin));
      const host = xHost(from.hostname);
      if (!host) return inner.dispatch(opts, handler);
      const { headers } = pointed(host, from.protocol.replace(/:$/, ""), from.port, undiciHeaders(opts.headers));
      return inner.dispatch({ ...opts, origin, headers }, handler);
    };
    globalThis[DISPATCHER] = new Proxy(inner, {
      // Unbound: the dispatcher's own helpers (request, stream…) call this.dispatch, i.e. the wrapper.
      get: (obj, name, receiver) => (name === "dispatch" ? dispatch : Reflect.get(obj, name, receiver)),
    });
  }
}

/** undici passes headers as an object, a flat [name, value, …] array or an iterable of pairs. */
function undiciHeaders(headers) {
  if (!headers) return {};
  if (Array.isArray(headers) && !Array.isArray(headers[0])) return headersWithout(headers, []);
  if (typeof headers[Symbol.iterator] === "function") return Object.fromEntries(headers);
  return headers;
}

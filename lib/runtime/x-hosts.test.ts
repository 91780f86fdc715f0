import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The preload as users run it: `node --import lib/runtime/x-hosts.mjs`, in a child process, against
// real local servers (plain HTTP = Devportal itself, TLS = a front answering for X's hosts).
const PRELOAD = path.join(__dirname, "x-hosts.mjs");
const ROOT = path.join(__dirname, "..", "..");

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  servername?: string | false | null;
}

function recorder(): { handler: http.RequestListener; seen: Seen[] } {
  const seen: Seen[] = [];
  const handler: http.RequestListener = (req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body, servername: (req.socket as TLSSocket).servername });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ url: req.url }));
    });
  };
  return { handler, seen };
}

const listen = (server: http.Server) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));

// One request per stack; each prints the path the server answered with.
const SCRIPT = `
import https from "node:https";
import { request } from "node:https";
import nodeFetch from "node-fetch";
const viaHttps = (url, options, body) => new Promise((resolve, reject) => {
  const req = request(url, options, (res) => { let t = ""; res.on("data", (c) => (t += c)); res.on("end", () => resolve(JSON.parse(t).url)); });
  req.on("error", reject);
  req.end(body);
});
const viaGet = (url) => new Promise((resolve, reject) => {
  https.get(url, (res) => { let t = ""; res.on("data", (c) => (t += c)); res.on("end", () => resolve(JSON.parse(t).url)); }).on("error", reject);
});
const out = {
  https: await viaHttps("https://api.x.com/2/tweets?a=1", { method: "POST", headers: { "Content-Type": "application/json" } }, '{"text":"hi"}'),
  get: await viaGet({ hostname: "upload.x.com", path: "/1.1/media/upload.json?command=STATUS" }),
  fetch: (await (await fetch("https://x.com/i/oauth2/authorize?client_id=c", { headers: { "x-client": "fetch" } })).json()).url,
  nodeFetch: (await (await nodeFetch("https://api.twitter.com/oauth2/token", { method: "POST", body: "grant_type=client_credentials", headers: { "content-type": "application/x-www-form-urlencoded" } })).json()).url,
  other: (await (await fetch(process.env.OTHER_URL + "/plain")).json()).url,
};
console.log(JSON.stringify(out));
`;

/** This process's environment without what would point or trust anything already. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["NODE_OPTIONS", "NODE_EXTRA_CA_CERTS", "DEVPORTAL_URL", "HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"]) delete env[name];
  return env;
}

function runScript(env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve) => {
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", PRELOAD, "--input-type=module", "-e", SCRIPT], {
      cwd: ROOT,
      env: { ...childEnv(), ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => void (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => void (stderr += c.toString()));
    child.on("close", (code: number | null) => resolve({ stdout, stderr, code }));
  });
}

let tmp: string;
const plain = recorder();
const tls = recorder();
const other = recorder();
const servers: http.Server[] = [];
const ports: Record<string, number> = {};

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "x-hosts-test-"));
  execFileSync("sh", [path.join(__dirname, "proxy", "local-ca.sh"), tmp], { stdio: "ignore" });
  const front = https.createServer({ cert: fs.readFileSync(path.join(tmp, "x-hosts.pem")), key: fs.readFileSync(path.join(tmp, "x-hosts-key.pem")) }, tls.handler);
  servers.push(http.createServer(plain.handler), front, http.createServer(other.handler));
  [ports.plain, ports.tls, ports.other] = await Promise.all(servers.map(listen));
});

afterAll(() => {
  for (const s of servers) s.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const EXPECTED = {
  https: "/2/tweets?a=1",
  get: "/1.1/media/upload.json?command=STATUS",
  fetch: "/i/oauth2/authorize?client_id=c",
  nodeFetch: "/oauth2/token",
  other: "/plain",
};

describe("x-hosts preload", () => {
  it("sends X's hosts to an http DEVPORTAL_URL with X-Forwarded-Proto/-Host, for node:https, fetch and node-fetch, and nothing else", async () => {
    const run = await runScript({ DEVPORTAL_URL: `http://127.0.0.1:${ports.plain}`, OTHER_URL: `http://127.0.0.1:${ports.other}` });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED);

    const byPath = Object.fromEntries(plain.seen.map((s) => [s.url, s]));
    expect(Object.keys(byPath).sort()).toEqual([EXPECTED.https, EXPECTED.get, EXPECTED.fetch, EXPECTED.nodeFetch].sort());
    const forwarded = (s: Seen) => [s.headers.host, s.headers["x-forwarded-proto"], s.headers["x-forwarded-host"]];
    const here = `127.0.0.1:${ports.plain}`;
    expect(forwarded(byPath[EXPECTED.https]!)).toEqual([here, "https", "api.x.com"]);
    expect(byPath[EXPECTED.https]).toMatchObject({ method: "POST", body: '{"text":"hi"}', headers: { "content-type": "application/json" } });
    expect(forwarded(byPath[EXPECTED.get]!)).toEqual([here, "https", "upload.x.com"]);
    expect(forwarded(byPath[EXPECTED.fetch]!)).toEqual([here, "https", "x.com"]);
    expect(byPath[EXPECTED.fetch]!.headers["x-client"]).toBe("fetch");
    expect(forwarded(byPath[EXPECTED.nodeFetch]!)).toEqual([here, "https", "api.twitter.com"]);
    expect(byPath[EXPECTED.nodeFetch]).toMatchObject({ method: "POST", body: "grant_type=client_credentials" });

    expect(other.seen.map((s) => [s.url, s.headers["x-forwarded-host"]])).toEqual([["/plain", undefined]]);
    // Printed once per process: where the hosts go and where consent URLs open.
    expect(run.stderr.match(/^x-hosts: /gm)).toHaveLength(2);
    expect(run.stderr).toContain(`https://x.com/i/oauth2/authorize?… → http://127.0.0.1:${ports.plain}/i/oauth2/authorize?…`);
  });

  it("with an https DEVPORTAL_URL (a TLS front for X's hosts) keeps the X host as TLS server name and Host", async () => {
    const run = await runScript({
      DEVPORTAL_URL: `https://127.0.0.1:${ports.tls}`,
      OTHER_URL: `http://127.0.0.1:${ports.other}`,
      NODE_EXTRA_CA_CERTS: path.join(tmp, "ca.pem"),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED);
    const seen = Object.fromEntries(tls.seen.map((s) => [s.url, [s.servername, s.headers.host, s.headers["x-forwarded-host"]]]));
    expect(seen).toEqual({
      [EXPECTED.https]: ["api.x.com", "api.x.com", undefined],
      [EXPECTED.get]: ["upload.x.com", "upload.x.com", undefined],
      [EXPECTED.fetch]: ["x.com", "x.com", undefined],
      [EXPECTED.nodeFetch]: ["api.twitter.com", "api.twitter.com", undefined],
    });
  });

  it("refuses a front whose certificate the process does not trust", async () => {
    const run = await runScript({ DEVPORTAL_URL: `https://127.0.0.1:${ports.tls}`, OTHER_URL: `http://127.0.0.1:${ports.other}` });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/self[- ]signed|unable to (get|verify)|UNABLE_TO_GET_ISSUER_CERT/i);
  });
});

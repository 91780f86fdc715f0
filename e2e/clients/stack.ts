import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startConnectProxy, type ConnectProxy } from "./connect-proxy";

const ROOT = path.resolve(__dirname, "..", "..");
const PROXY_DIR = path.join(ROOT, "lib", "runtime", "proxy");

/** Everything the client scenarios run against; one per Playwright worker. */
export interface ClientStack {
  /** Devportal itself (plain HTTP, TRUST_PROXY=1). */
  devportalUrl: string;
  /** The nginx TLS front answering for X's hosts (certificate for api.x.com …, not for this address's name). */
  frontUrl: string;
  /** HTTPS_PROXY for the Python clients: CONNECT to X's hosts lands on the front. */
  proxy: ConnectProxy;
  /** The throwaway test CA that signed the front's certificate. */
  caFile: string;
  /** Where local-ca.sh wrote the CA and the front's certificate and key. */
  certDir: string;
  dataDir: string;
  /** The preload shipped in the repo. */
  preload: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, proc: ChildProcess, log: () => string, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`${what} exited (${proc.exitCode}):\n${log()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} not ready after ${ms} ms:\n${log()}`);
}

const tail = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-40).join("\n") : "");

function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, "a");
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  return child;
}

/**
 * The repo's nginx.conf as a user installs it, with only the listen address, the upstream port and
 * the certificate folder changed for this run (each must be found exactly once, so an edit of the
 * shipped file that the test would silently stop covering fails here).
 */
export function nginxSiteForTest(frontPort: number, devportalPort: number, certDir: string): string {
  let conf = fs.readFileSync(path.join(PROXY_DIR, "nginx.conf"), "utf8");
  const swaps: Array<[string, string]> = [
    ["    listen 443 ssl;\n", `    listen 127.0.0.1:${frontPort} ssl;\n`],
    ["    listen [::]:443 ssl;\n", ""],
    ["server 127.0.0.1:3000;", `server 127.0.0.1:${devportalPort};`],
    ["/etc/devportal/x-hosts.pem;", `${certDir}/x-hosts.pem;`],
    ["/etc/devportal/x-hosts-key.pem;", `${certDir}/x-hosts-key.pem;`],
  ];
  for (const [from, to] of swaps) {
    if (conf.split(from).length !== 2) throw new Error(`lib/runtime/proxy/nginx.conf: expected "${from.trim()}" exactly once`);
    conf = conf.replace(from, to);
  }
  return conf;
}

/** The repo's Caddyfile with the same three swaps, under global options that keep Caddy to this run. */
export function caddyfileForTest(frontPort: number, devportalPort: number, certDir: string, dataDir: string): string {
  let conf = fs.readFileSync(path.join(PROXY_DIR, "Caddyfile"), "utf8");
  const swaps: Array<[string, string]> = [
    ["reverse_proxy 127.0.0.1:3000", `reverse_proxy 127.0.0.1:${devportalPort}`],
    ["/etc/devportal/x-hosts.pem", `${certDir}/x-hosts.pem`],
    ["/etc/devportal/x-hosts-key.pem", `${certDir}/x-hosts-key.pem`],
  ];
  for (const [from, to] of swaps) {
    if (conf.split(from).length !== 2) throw new Error(`lib/runtime/proxy/Caddyfile: expected "${from}" exactly once`);
    conf = conf.replace(from, to);
  }
  const global = ["{", "\tadmin off", "\tauto_https disable_redirects", `\thttps_port ${frontPort}`, "\tdefault_bind 127.0.0.1", `\tstorage file_system ${dataDir}`, "}", ""];
  return global.join("\n") + conf;
}

/** Caddy with the repo's Caddyfile on a free port, in front of the stack's Devportal. */
export async function startCaddy(stack: ClientStack): Promise<{ url: string; stop: () => Promise<void> }> {
  const caddy = ["/usr/bin/caddy", "/usr/local/bin/caddy"].find((f) => fs.existsSync(f));
  if (!caddy) throw new Error("caddy is not installed: apt-get install -y caddy (.ci/run does)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-caddy-"));
  const port = await freePort();
  const devportalPort = Number(new URL(stack.devportalUrl).port);
  fs.writeFileSync(path.join(dir, "Caddyfile"), caddyfileForTest(port, devportalPort, stack.certDir, path.join(dir, "data")));
  const log = path.join(dir, "caddy.log");
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const child = spawnLogged(caddy, ["run", "--config", path.join(dir, "Caddyfile"), "--adapter", "caddyfile"], env, log);
  child.on("error", () => {});
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor("caddy", () => portOpen(port), child, () => tail(log), 20_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url: `https://127.0.0.1:${port}`, stop };
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
  });

function nginxMainConf(dir: string): string {
  const p = (name: string) => path.join(dir, name);
  return [
    "daemon off;",
    "worker_processes 1;",
    // A throwaway instance in a 0700 temp folder: workers stay root to reach it.
    ...(process.getuid?.() === 0 ? ["user root root;"] : []),
    `pid ${p("nginx.pid")};`,
    `error_log ${p("error.log")} warn;`,
    "events { worker_connections 256; }",
    "http {",
    `  access_log ${p("access.log")};`,
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${p(`${t}_temp`)};`),
    `  include ${p("devportal.conf")};`,
    "}",
    "",
  ].join("\n");
}

const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].find((f) => fs.existsSync(f)) ?? "nginx";

/** Devportal (TRUST_PROXY=1, own data folder), the test CA, nginx with the repo's config, the CONNECT proxy. */
export async function startClientStack(): Promise<ClientStack> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "devportal-clients-"));
  const dataDir = path.join(tmp, "data");
  const certDir = path.join(tmp, "certs");
  const nginxDir = path.join(tmp, "nginx");
  fs.mkdirSync(nginxDir);
  const [port, frontPort] = [await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  let proxy: ConnectProxy | undefined;

  const stop = async () => {
    await proxy?.close();
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    if (!process.env.E2E_KEEP_CLIENT_STACK) fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    // The certificate steps of the README, as a user runs them.
    execFileSync("sh", [path.join(PROXY_DIR, "local-ca.sh"), certDir], { stdio: "pipe" });

    const serverLog = path.join(tmp, "devportal.log");
    const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, TRUST_PROXY: "1" };
    delete env.NODE_OPTIONS;
    const server = spawnLogged(tsx, ["server.ts"], env, serverLog);
    children.push(server);

    if (!fs.existsSync(NGINX) && NGINX !== "nginx") throw new Error("nginx is not installed: apt-get install -y nginx (.ci/run does)");
    fs.writeFileSync(path.join(nginxDir, "devportal.conf"), nginxSiteForTest(frontPort, port, certDir));
    fs.writeFileSync(path.join(nginxDir, "nginx.conf"), nginxMainConf(nginxDir));
    const nginxLog = path.join(nginxDir, "error.log");
    const nginx = spawnLogged(NGINX, ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf"), "-e", nginxLog], process.env, path.join(nginxDir, "stdout.log"));
    children.push(nginx);
    nginx.on("error", () => {});

    const devportalUrl = `http://127.0.0.1:${port}`;
    await waitFor("devportal", async () => (await fetch(`${devportalUrl}/api/health`)).ok, server, () => tail(serverLog));
    await waitFor(
      "nginx",
      () => portOpen(frontPort),
      nginx,
      () => tail(nginxLog) + tail(path.join(nginxDir, "stdout.log")),
      20_000,
    );
    proxy = await startConnectProxy(frontPort);
    return {
      devportalUrl,
      frontUrl: `https://127.0.0.1:${frontPort}`,
      proxy,
      caFile: path.join(certDir, "ca.pem"),
      certDir,
      dataDir,
      preload: path.join(ROOT, "lib", "runtime", "x-hosts.mjs"),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

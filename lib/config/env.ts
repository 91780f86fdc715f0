import path from "node:path";

/** A non-negative number from the environment (seconds, a count), or its default; anything else stops the start. */
function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return value;
}
const positive = (value: string | undefined, fallback: number) => (value && /^\d+$/.test(value.trim()) && Number(value) > 0 ? Number(value) : fallback);

/** Every setting Devportal reads from the environment, with its default. Documented in README. */
export const env = {
  get port(): number {
    return Number(process.env.PORT ?? 3000);
  },
  get host(): string {
    return process.env.HOST ?? "0.0.0.0";
  },
  get dataDir(): string {
    return path.resolve(/* turbopackIgnore: true */ process.env.DATA_DIR ?? "data");
  },
  get databaseFile(): string {
    return process.env.DATABASE_FILE ? path.resolve(/* turbopackIgnore: true */ process.env.DATABASE_FILE) : path.join(/* turbopackIgnore: true */ this.dataDir, "devportal.sqlite");
  },
  get platformName(): string {
    return process.env.PLATFORM_NAME ?? "Devportal";
  },
  /** New accounts one client address may create per hour (SIGNUPS_PER_ADDRESS_PER_HOUR). */
  get signUpsPerAddressPerHour(): number {
    return positive(process.env.SIGNUPS_PER_ADDRESS_PER_HOUR, 10);
  },
  /** New accounts the whole portal accepts per hour (SIGNUPS_PER_HOUR): each costs a password hash. */
  get signUpsPerHour(): number {
    return positive(process.env.SIGNUPS_PER_HOUR, 100);
  },
  /** Whether a proxy in front sets X-Forwarded-* (TRUST_PROXY unset, "0" or "false": no). */
  get trustProxy(): boolean {
    return this.trustProxyHops > 0;
  },
  /**
   * How many proxies in front append to X-Forwarded-For, as Express's `trust proxy` counts them:
   * TRUST_PROXY=N (a whole number) → N, "true" → 1, anything else → 0.
   */
  get trustProxyHops(): number {
    const v = (process.env.TRUST_PROXY ?? "").trim().toLowerCase();
    if (v === "true") return 1;
    return /^\d{1,2}$/.test(v) ? Number(v) : 0;
  },
  /** Seconds a client has to send a whole request (headers and body). */
  get requestTimeoutS(): number {
    return number("REQUEST_TIMEOUT", 15);
  },
  /** Seconds a client has to send the request headers. */
  get headersTimeoutS(): number {
    return number("HEADERS_TIMEOUT", 10);
  },
  /** Seconds an idle keep-alive connection stays open. */
  get keepAliveTimeoutS(): number {
    return number("KEEP_ALIVE_TIMEOUT", 5);
  },
  /** Open connections per client address (0: no cap; off with TRUST_PROXY, where the proxy is the client). */
  get maxConnectionsPerAddress(): number {
    return number("MAX_CONNECTIONS_PER_ADDRESS", 256);
  },
  /** Seconds in-flight requests get after SIGTERM before their connections are cut. */
  get shutdownTimeoutS(): number {
    return number("SHUTDOWN_TIMEOUT", 10);
  },
};

import path from "node:path";

/** A non-negative number from the environment (seconds, a count), or its default; anything else stops the start. */
function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return value;
}

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
  get trustProxy(): boolean {
    return process.env.TRUST_PROXY === "1" || process.env.TRUST_PROXY === "true";
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

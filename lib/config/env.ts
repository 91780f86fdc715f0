import path from "node:path";

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
};

/** A timestamp as "2025-01-31 14:05 UTC" — the same on the server and in the browser. */
export const formatUtc = (ms: number) => `${new Date(ms).toISOString().replace("T", " ").slice(0, 16)} UTC`;

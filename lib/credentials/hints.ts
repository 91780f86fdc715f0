/** API Key hint: first 4 and last 4 characters ("reveal API Key hint"). */
export function apiKeyHint(key: string): string {
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}

/** Secret and token hint: the last 4 characters only. */
export function secretHint(secret: string): string {
  return `…${secret.slice(-4)}`;
}

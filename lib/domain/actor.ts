/** Who is calling a domain function: the signed-in user, resolved by lib/server from the session. */
export interface Actor {
  userId: string;
  isOperator: boolean;
  /** The client address the request came from (lib/platform/http.ts), for per-address limits. */
  address?: string;
}

/** Who is calling a domain function: the signed-in user, resolved by lib/server from the session. */
export interface Actor {
  userId: string;
  isOperator: boolean;
}

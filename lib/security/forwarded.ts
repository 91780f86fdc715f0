/**
 * The client's address behind `hops` trusted proxies, as Express's `trust proxy` = N finds it.
 *
 * Each proxy appends the address it received the request from to X-Forwarded-For, so only the
 * right-most `hops` entries were written by proxies we trust; everything left of them was sent by
 * the client and may be anything. Reading from the right: the socket's peer is the nearest proxy,
 * the right-most entry is what that proxy saw, and so on; the N-th entry from the right is the
 * address the outermost trusted proxy saw, i.e. the client. When the header has fewer entries
 * than `hops`, the left-most one is the best that is known. With `hops` = 0 the socket's address.
 */
export function forwardedClient(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number): string {
  const socket = socketAddress || "unknown";
  if (hops <= 0 || forwardedFor === undefined) return socket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  // [socket, right-most, …, left-most]: the address `hops` steps away from us.
  const chain = [socket, ...entries.reverse()];
  return chain[Math.min(hops, chain.length - 1)]!;
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";

/** The hosts the TLS front answers for; a CONNECT to any of them on 443 is tunnelled to it. */
export const X_HOSTS = ["api.x.com", "api.twitter.com", "upload.x.com", "x.com", "twitter.com"] as const;

export interface ConnectProxy {
  url: string;
  /** `host:port` of every tunnel opened, in order (to prove traffic went this way). */
  tunnels: string[];
  close(): Promise<void>;
}

/**
 * An HTTP CONNECT proxy for HTTPS_PROXY: `CONNECT api.x.com:443` (and the other X hosts) is
 * tunnelled to the TLS front at `frontPort`, so the client's TLS handshake (SNI, certificate check
 * against its CA bundle) happens with the front exactly as with api.x.com. Everything else is refused.
 */
export async function startConnectProxy(frontPort: number): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405, { "content-type": "text/plain" }).end("CONNECT only\n");
  });
  server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    const [host, port] = (req.url ?? "").toLowerCase().split(":");
    if (!(X_HOSTS as readonly string[]).includes(host!) || port !== "443") {
      client.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n");
      return;
    }
    tunnels.push(`${host}:${port}`);
    const upstream = net.connect(frontPort, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

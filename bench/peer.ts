/**
 * The bench's peer: node-oidc-provider (devDependency, pinned) in its fastest configuration for
 * the two endpoints Devportal is compared on — in-memory adapter (its default), opaque access
 * tokens (client_credentials' default without resource indicators), client_secret_basic, only
 * client_credentials and introspection enabled, an introspection policy that allows every
 * authenticated caller (its default one also reads the token's client) — on its own port, as its
 * own process, NODE_ENV=production. Started by bench/run.ts (startPeer); not part of the product.
 *
 *   PORT=4000 NODE_ENV=production node --import tsx bench/peer.ts
 */
import { createServer } from "node:http";
import { Provider } from "oidc-provider";
import { peerClients } from "./config";

function main(): void {
  const port = Number(process.env.PORT);
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: peerClients().map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    features: {
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: async () => true },
      devInteractions: { enabled: false },
      revocation: { enabled: false },
      userinfo: { enabled: false },
    },
    clientBasedCORS: () => false,
  });
  createServer(provider.callback()).listen(port, "127.0.0.1");
  process.on("SIGTERM", () => process.exit(0));
}

main();


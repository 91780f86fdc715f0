import type { IncomingMessage, ServerResponse } from "node:http";
import { isPlatformPath } from "@/lib/platform/paths";
import { refuseOversizedBody } from "./body-limits";
import { addPortalHeaders } from "./portal-headers";

/**
 * What server.ts does to every request before the platform or Next sees it: bodies over the
 * route's limit are refused unread (./body-limits.ts), and portal answers get the headers every
 * portal answer carries (./portal-headers.ts). Answers true when the request was answered here.
 */
export function guardEdge(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  const platform = isPlatformPath(pathname);
  if (!platform) addPortalHeaders(req, res);
  return refuseOversizedBody(req, res, pathname, platform);
}

import { getDb } from "@/db/client";
import { getAppIcon } from "@/lib/domain/app-icons";

/** The App's icon (public: consent pages show it to any user). Always a PNG we encoded ourselves. */
export async function GET(_req: Request, { params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const png = /^\d{1,20}$/.test(appId) ? getAppIcon(getDb(), appId) : null;
  if (!png) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
      "content-security-policy": "default-src 'none'",
    },
  });
}

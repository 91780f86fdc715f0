import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A separate build folder per worktree user (parallel e2e runs); `.next` by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["better-sqlite3", "sharp"],
  // `npm test` runs `tsc --noEmit` on the whole tree; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Icon uploads may be up to 1 MB; the domain gives the field error, not the transport.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  async headers() {
    return [
      // The Content-Security-Policy (with a per-request nonce and frame-ancestors 'none') and HSTS are set in proxy.ts.
      { source: "/:path*", headers: securityHeaders },
    ];
  },
};

export default nextConfig;

import type { Metadata } from "next";
import type { ReactNode } from "react";
import { env } from "@/lib/config/env";

export const metadata: Metadata = { title: "Authorize app", robots: { index: false, follow: false } };

/** The OAuth 1.0a consent pages (framed nowhere: proxy.ts adds `frame-ancestors 'none'`). */
export default function OAuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-lg">
        <p className="mb-6 text-center text-2xl font-extrabold tracking-tight">{env.platformName}</p>
        {children}
      </div>
    </main>
  );
}

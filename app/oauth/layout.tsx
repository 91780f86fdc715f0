import type { Metadata } from "next";
import type { ReactNode } from "react";
import { CenteredPage } from "@/components/ui/centered-page";

export const metadata: Metadata = { title: "Authorize app", robots: { index: false, follow: false } };

/** The OAuth 1.0a consent pages (framed nowhere: proxy.ts adds `frame-ancestors 'none'`). */
export default function OAuthLayout({ children }: { children: ReactNode }) {
  return <CenteredPage width="lg">{children}</CenteredPage>;
}

import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { env } from "@/lib/config/env";
import { parseTheme, THEME_COOKIE } from "@/lib/config/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: { default: env.platformName, template: `%s · ${env.platformName}` }, icons: { icon: "/favicon.svg" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-dvh bg-bg text-fg">{children}</body>
    </html>
  );
}

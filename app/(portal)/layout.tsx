import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { env } from "@/lib/config/env";
import { parseTheme, THEME_COOKIE } from "@/lib/config/theme";
import { requireUser } from "@/lib/server/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { user } = await requireUser();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <AppShell platformName={env.platformName} theme={theme} user={user}>
      {children}
    </AppShell>
  );
}

import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { env } from "@/lib/config/env";
import { parseTheme, THEME_COOKIE } from "@/lib/config/theme";
import { getDb } from "@/db/client";
import { listDeveloperAccounts } from "@/lib/domain/developer-accounts";
import { activeAccount, requireUser } from "@/lib/server/session";
import { switchAccountAction } from "@/app/actions/account";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { user, actor } = await requireUser();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const accounts = listDeveloperAccounts(getDb(), actor);
  const active = await activeAccount(accounts);
  const switcher = { accounts: accounts.map(({ id, name, kind }) => ({ id, name, kind })), activeId: active?.id ?? "", action: switchAccountAction };
  return (
    <AppShell platformName={env.platformName} theme={theme} user={user} switcher={switcher}>
      {children}
    </AppShell>
  );
}

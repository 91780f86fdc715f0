import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getDb } from "@/db/client";
import { env } from "@/lib/config/env";
import { parseTheme, THEME_COOKIE } from "@/lib/config/theme";
import { listDeveloperAccounts } from "@/lib/domain/developer-accounts";
import { countMyInvitations } from "@/lib/domain/team-invitations";
import { activeAccount, type CurrentUser } from "@/lib/server/session";
import { switchAccountAction } from "@/app/actions/account";

/** The portal's header and sidebar around a signed-in user's page (portal layout, not-found). */
export async function PortalFrame({ current, children }: { current: CurrentUser; children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const accounts = listDeveloperAccounts(getDb(), current.actor);
  const active = await activeAccount(accounts);
  const switcher = { accounts: accounts.map(({ id, name, kind }) => ({ id, name, kind })), activeId: active?.id ?? "", action: switchAccountAction };
  return (
    <AppShell platformName={env.platformName} theme={theme} user={current.user} switcher={switcher} invitations={countMyInvitations(getDb(), current.actor)}>
      {children}
    </AppShell>
  );
}

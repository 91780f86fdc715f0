import type { ComponentProps, ReactNode } from "react";
import type { Theme } from "@/lib/config/theme";
import { Header } from "./header";
import { Sidebar } from "./sidebar";

interface Props {
  platformName: string;
  theme: Theme;
  user: { username: string; name: string; isOperator: boolean };
  switcher: ComponentProps<typeof Header>["switcher"];
  /** Team invitations waiting for the user's answer. */
  invitations: number;
  children: ReactNode;
}

export function AppShell({ platformName, theme, user, switcher, invitations, children }: Props) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <Header platformName={platformName} theme={theme} user={user} switcher={switcher} invitations={invitations} />
      <div className="flex flex-1 flex-col md:flex-row">
        <Sidebar isOperator={user.isOperator} />
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </div>
  );
}

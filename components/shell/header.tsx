import Link from "next/link";
import type { Theme } from "@/lib/config/theme";
import type { ComponentProps } from "react";
import { AccountMenu } from "./account-menu";
import { AccountSwitcher } from "./account-switcher";
import { Icon } from "./icons";
import { ThemeToggle } from "./theme-toggle";

interface Props {
  platformName: string;
  theme: Theme;
  user: { username: string; name: string };
  switcher: ComponentProps<typeof AccountSwitcher>;
  invitations: number;
}

export function Header({ platformName, theme, user, switcher, invitations }: Props) {
  return (
    <header className="sticky top-0 z-10 flex h-14 items-center justify-between gap-3 border-b border-border bg-surface/90 px-3 backdrop-blur sm:px-5">
      <Link href="/dashboard" className="shrink-0 rounded text-lg font-extrabold tracking-tight">
        {platformName}
        <span className="ml-2 hidden text-sm font-medium text-muted sm:inline">Developer Portal</span>
      </Link>
      <div className="flex min-w-0 items-center justify-end gap-1">
        <AccountSwitcher {...switcher} />
        {invitations > 0 && (
          <Link href="/teams#invitations" className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-full hover:bg-surface-2">
            <Icon name="mail" />
            <span aria-hidden="true" className="absolute top-1 right-1 min-w-4 rounded-full bg-accent px-1 text-center text-[0.65rem] leading-4 font-bold text-accent-fg">
              {invitations}
            </span>
            <span className="sr-only">
              {invitations === 1 ? "1 team invitation" : `${invitations} team invitations`} waiting for your answer
            </span>
          </Link>
        )}
        <ThemeToggle initial={theme} />
        <AccountMenu username={user.username} name={user.name} />
      </div>
    </header>
  );
}

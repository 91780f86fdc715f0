"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The App settings sections, as X's portal has them. */
export function AppTabs({ appId }: { appId: string }) {
  const pathname = usePathname();
  const tabs = [
    { href: `/apps/${appId}`, label: "App details" },
    { href: `/apps/${appId}/keys`, label: "Keys and tokens" },
    { href: `/apps/${appId}/auth-settings`, label: "User authentication settings" },
  ];
  return (
    <nav aria-label="App settings" className="mb-6 overflow-x-auto border-b border-border">
      <ul className="flex gap-1">
        {tabs.map((t) => {
          const active = pathname === t.href;
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px inline-block border-b-2 px-3 py-2 text-sm whitespace-nowrap",
                  active ? "border-accent font-bold" : "border-transparent text-muted hover:text-fg",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

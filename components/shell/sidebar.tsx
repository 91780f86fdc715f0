"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Icon } from "./icons";
import { NAV_ITEMS } from "./nav.config";

/** Sidebar on wide screens; a horizontal strip under the header on narrow ones. */
export function Sidebar({ isOperator }: { isOperator: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="border-b border-border bg-surface md:w-60 md:shrink-0 md:border-r md:border-b-0">
      <ul className="flex gap-1 overflow-x-auto p-2 md:flex-col md:p-3">
        {NAV_ITEMS.filter((item) => !item.operatorOnly || isOperator).map((item) => {
          const active = item.match.some((m) => pathname === m || pathname.startsWith(`${m}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-full px-4 py-2 text-sm whitespace-nowrap",
                  active ? "bg-surface-2 font-bold" : "text-fg hover:bg-surface-2",
                )}
              >
                <Icon name={item.icon} />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

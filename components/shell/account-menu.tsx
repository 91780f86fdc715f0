"use client";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Icon } from "./icons";

interface Props {
  username: string;
  name: string;
}

/** The signed-in account with a keyboard-operable menu (Escape closes, focus returns to the button). */
export function AccountMenu({ username, name }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const itemClass = "block w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-surface-2";
  return (
    <div ref={ref} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        className="flex shrink-0 items-center gap-2 rounded-full py-1 pr-2 pl-1 hover:bg-surface-2"
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-accent text-sm font-bold text-accent-fg">
          {username.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden text-sm font-semibold sm:inline">@{username}</span>
        <span className="sr-only">Account menu for @{username}</span>
        <Icon name="chevron" className="size-4" />
      </button>
      {open && (
        <div role="menu" aria-label="Account" className="absolute right-0 z-20 mt-2 w-60 rounded-xl border border-border bg-surface p-2 shadow-lg">
          <div className="px-3 py-2">
            <p className="truncate text-sm font-bold">{name}</p>
            <p className="truncate text-sm text-muted">@{username}</p>
          </div>
          <Link role="menuitem" href="/settings/account" className={itemClass} onClick={() => setOpen(false)}>
            Account settings
          </Link>
          <button role="menuitem" type="button" className={itemClass} onClick={() => void signOut({ callbackUrl: "/signin" })}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}

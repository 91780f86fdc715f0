"use client";
import { signOut } from "next-auth/react";

/** The signed-in account, with "Not you?" signing out and coming back to this page through sign-in. */
export function AccountSwitch({ username, name, returnTo }: { username: string; name: string; returnTo: string }) {
  return (
    <div className="flex items-center justify-between gap-3 rounded-xl border border-border bg-surface-2 px-4 py-3 text-sm">
      <div className="flex min-w-0 items-center gap-3">
        <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-fg text-sm font-bold text-bg">
          {username.slice(0, 1).toUpperCase()}
        </span>
        <p className="min-w-0">
          <span className="block text-xs text-muted">Signed in as</span>
          <span className="block truncate font-semibold">{name}</span>
          <span className="block truncate text-muted">@{username}</span>
        </p>
      </div>
      <button
        type="button"
        className="shrink-0 rounded-full px-3 py-1.5 font-semibold text-link hover:bg-surface"
        onClick={() => void signOut({ callbackUrl: `/signin?callbackUrl=${encodeURIComponent(returnTo)}` })}
      >
        Not you?
      </button>
    </div>
  );
}

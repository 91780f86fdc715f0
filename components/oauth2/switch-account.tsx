"use client";
import { signOut } from "next-auth/react";

/** "Not you?": signs out, then sign-in brings the user back to this consent page. */
export function SwitchAccount({ returnTo }: { returnTo: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: `/signin?callbackUrl=${encodeURIComponent(returnTo)}` })}
      className="shrink-0 text-sm font-semibold whitespace-nowrap text-link underline-offset-2 hover:underline"
    >
      Not you?
    </button>
  );
}

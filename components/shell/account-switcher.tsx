"use client";
import { useId } from "react";
import type { ClientAction } from "@/components/forms/use-action";

type Action = ClientAction<{ accountId: string }>;

/** Moves between the personal and team developer accounts the user belongs to. */
export function AccountSwitcher({ accounts, activeId, action }: { accounts: Array<{ id: string; name: string; kind: string }>; activeId: string; action: Action }) {
  const id = useId();
  if (accounts.length < 2) return null;
  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor={id} className="sr-only">
        Developer account
      </label>
      <select
        id={id}
        value={activeId}
        onChange={(e) => void action(null, { accountId: e.target.value })}
        className="w-full max-w-56 min-w-0 truncate lg:max-w-80 rounded-full border border-border bg-surface py-1.5 pr-7 pl-3 text-sm font-semibold"
      >
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.kind === "team" ? `Team: ${a.name}` : `${a.name} (personal)`}
          </option>
        ))}
      </select>
    </div>
  );
}

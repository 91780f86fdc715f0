"use client";
import { useState } from "react";
import type { ActionState } from "@/lib/server/action";
import { TIERS, type Tier } from "@/lib/validation/enums";
import type { SetTierInput } from "@/lib/validation/operator";

const LABELS: Record<Tier, string> = { essential: "Essential", elevated: "Elevated", academic: "Academic Research", enterprise: "Enterprise" };

/** Changes a developer account's tier at once. */
export function TierSelect({ action, accountId, accountName, tier }: { action: (p: ActionState | null, i: SetTierInput) => Promise<ActionState>; accountId: string; accountName: string; tier: Tier }) {
  const [state, setState] = useState<ActionState | null>(null);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <select
        aria-label={`Tier of ${accountName}`}
        defaultValue={tier}
        className="rounded-lg border border-border bg-surface px-2 py-1 text-sm"
        onChange={async (e) => setState(await action(null, { accountId, tier: e.target.value as Tier }))}
      >
        {TIERS.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
      {state && (
        <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-xs text-success" : "text-xs text-danger"}>
          {state.message}
        </span>
      )}
    </span>
  );
}

import { ActionButton } from "@/components/forms/action-button";
import type { ClientAction } from "@/components/forms/use-action";
import { SuspendedTag } from "@/components/apps/status-tag";
import type { searchApps } from "@/lib/domain/operator";
import type { SuspendAppInput } from "@/lib/validation/operator";
import { SuspendButton } from "./suspend-form";

type Row = ReturnType<typeof searchApps>["items"][number];

/** Who an App belongs to, without "Owner @bob · @bob" for a personal account. */
export const ownerLine = (a: Pick<Row, "ownerUsername" | "accountName" | "accountKind">) =>
  `Owner @${a.ownerUsername} · ${a.accountKind === "personal" ? "personal account" : `team ${a.accountName}`}`;

/** The operator's App rows: name, App ID, owner and account, placement, and suspend / reinstate. */
export function AppResults({ rows, suspend, reinstate }: { rows: Row[]; suspend: ClientAction<SuspendAppInput>; reinstate: ClientAction<{ appId: string }> }) {
  return (
    <ul className="divide-y divide-border">
      {rows.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
          <span className="min-w-0 wrap-anywhere">
            <strong>{a.name}</strong> <span className="font-mono text-muted">{a.id}</span> {a.status === "suspended" && <SuspendedTag />}
            <span className="block text-muted">
              {ownerLine(a)} · {a.projectId ? "In a Project" : "Standalone"}
              {a.suspendedReason ? ` · ${a.suspendedReason}` : ""}
            </span>
          </span>
          {a.status === "suspended" ? (
            <ActionButton action={reinstate} input={{ appId: a.id }} label={`Reinstate ${a.name}`}>
              Reinstate
            </ActionButton>
          ) : (
            <SuspendButton action={suspend} appId={a.id} appName={a.name} />
          )}
        </li>
      ))}
    </ul>
  );
}

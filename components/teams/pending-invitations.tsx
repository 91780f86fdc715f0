import { ActionButton } from "@/components/forms/action-button";
import type { ClientAction } from "@/components/forms/use-action";
import { formatUtc } from "@/components/credentials/format";

interface Pending {
  id: number;
  username: string;
  name: string;
  role: string;
  invitedBy: string | null;
  createdAt: number;
}

type Act = ClientAction<{ accountId: string; invitationId: number }>;

/** A team's invitations not yet answered, for its admins: resend the e-mail, or cancel. */
export function PendingInvitations({ accountId, invitations, resend, cancel }: { accountId: string; invitations: Pending[]; resend: Act; cancel: Act }) {
  if (invitations.length === 0) return <p className="mt-2 text-sm text-muted">No invitations are waiting for an answer.</p>;
  return (
    <ul className="mt-2 divide-y divide-border">
      {invitations.map((inv) => (
        <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
          <span className="min-w-0 wrap-anywhere">
            <strong>{inv.name}</strong> <span className="text-muted">@{inv.username}</span> — as {inv.role === "admin" ? "an admin" : "a developer"}
            <span className="block text-muted">
              Invited {inv.invitedBy ? `by @${inv.invitedBy} ` : ""}
              {formatUtc(inv.createdAt)}
            </span>
          </span>
          <span className="flex flex-wrap gap-2">
            <ActionButton action={resend} input={{ accountId, invitationId: inv.id }} label={`Resend the invitation to @${inv.username}`} showDone>
              Resend
            </ActionButton>
            <ActionButton action={cancel} input={{ accountId, invitationId: inv.id }} variant="danger" label={`Cancel the invitation to @${inv.username}`} confirm={`Cancel the invitation to @${inv.username}?`}>
              Cancel invitation
            </ActionButton>
          </span>
        </li>
      ))}
    </ul>
  );
}

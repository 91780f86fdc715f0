import { ActionButton } from "@/components/forms/action-button";
import type { ClientAction } from "@/components/forms/use-action";
import { formatUtc } from "@/components/credentials/format";

interface Invitation {
  id: number;
  teamName: string;
  role: string;
  invitedBy: string | null;
  createdAt: number;
}

type Answer = ClientAction<{ invitationId: number }>;

/** The signed-in user's pending team invitations, each with Accept and Decline (dashboard and Teams). */
export function InvitationList({ invitations, accept, decline }: { invitations: Invitation[]; accept: Answer; decline: Answer }) {
  return (
    <ul className="mt-2 divide-y divide-border">
      {invitations.map((inv) => (
        <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
          <span className="min-w-0 wrap-anywhere">
            Join <strong>{inv.teamName}</strong> as {inv.role === "admin" ? "an admin" : "a developer"}
            <span className="block text-muted">
              {inv.invitedBy ? `Invited by @${inv.invitedBy} · ` : ""}
              {formatUtc(inv.createdAt)}
            </span>
          </span>
          <span className="flex gap-2">
            <ActionButton action={accept} input={{ invitationId: inv.id }} variant="primary" label={`Accept the invitation to ${inv.teamName}`}>
              Accept
            </ActionButton>
            <ActionButton action={decline} input={{ invitationId: inv.id }} label={`Decline the invitation to ${inv.teamName}`}>
              Decline
            </ActionButton>
          </span>
        </li>
      ))}
    </ul>
  );
}

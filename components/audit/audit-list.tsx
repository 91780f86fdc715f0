import { APP_FIELD_LABELS, PROJECT_FIELD_LABELS } from "@/components/apps/field-labels";
import { Card } from "@/components/ui/card";

export interface AuditRow {
  id: number;
  action: string;
  actor: string | null;
  createdAt: number;
  details: Record<string, unknown>;
}

const LABELS: Record<string, string> = {
  "app.create": "Created the App",
  "app.update": "Updated App details",
  "app.delete": "Deleted the App",
  "app.attach": "Connected the App to a Project",
  "app.detach": "Moved the App to Standalone Apps",
  "app.icon": "Changed the App icon",
  "app.suspend": "Suspended the App",
  "app.reinstate": "Reinstated the App",
  "app.api_key.regenerate": "Regenerated the API Key and Secret",
  "app.api_key.end_grace": "Ended the API Key grace period",
  "app.bearer_token.regenerate": "Regenerated the Bearer token",
  "app.bearer_token.revoke": "Revoked the Bearer token",
  "app.access_token.generate": "Generated the owner's Access Token and Secret",
  "app.access_token.revoke": "Revoked the owner's Access Token and Secret",
  "app.client_secret.regenerate": "Regenerated the Client Secret",
  "app.client_secret.end_grace": "Ended the Client Secret grace period",
  "app.auth_settings.update": "Updated user authentication settings",
  "team.connected_app.revoke": "Revoked the App's access to the team's account",
  "project.create": "Created the Project",
  "project.update": "Edited the Project",
  "project.delete": "Deleted the Project",
};

/** "Updated App details: App description, Organization name" — fields as the forms label them. */
function describe(row: AuditRow): string {
  const changed = row.details.changed;
  const base = LABELS[row.action] ?? row.action;
  const labels = row.action.startsWith("project.") ? PROJECT_FIELD_LABELS : APP_FIELD_LABELS;
  return Array.isArray(changed) && changed.length ? `${base}: ${changed.map((f) => labels[String(f)] ?? String(f)).join(", ")}` : base;
}

/** Who changed what, newest first. Details never hold secrets. */
export function AuditList({ rows, title = "Activity" }: { rows: AuditRow[]; title?: string }) {
  return (
    <Card aria-labelledby="audit-title">
      <h2 id="audit-title" className="text-lg font-bold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-muted">No activity yet.</p>
      ) : (
        <ol className="mt-3 divide-y divide-border">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-semibold">{r.actor ? `@${r.actor}` : "System"}</span> — {describe(r)}
              </span>
              <time dateTime={new Date(r.createdAt).toISOString()} className="text-muted">
                {new Date(r.createdAt).toISOString().replace("T", " ").slice(0, 16)} UTC
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

import { permissionLevel } from "@/components/auth-settings/labels";
import { SCOPES, isScope } from "@/lib/oauth2/scopes";
import type { Permission } from "@/lib/validation/enums";

/** What an App may do: the OAuth 1.0a access level and/or the OAuth 2.0 scopes, in plain words. */
export function AccessSummary({ level, scopes }: { level: Permission | null; scopes: string[] }) {
  return (
    <dl className="space-y-3 text-sm">
      {level && (
        <div>
          <dt className="font-semibold">OAuth 1.0a access</dt>
          <dd className="text-muted">{permissionLevel(level)}</dd>
        </div>
      )}
      {scopes.length > 0 && (
        <div>
          <dt className="font-semibold">OAuth 2.0 permissions</dt>
          <dd>
            <ul className="mt-1 space-y-1">
              {scopes.map((s) => (
                <li key={s} className="text-muted">
                  <code className="rounded bg-surface-2 px-1 py-0.5 text-xs text-fg">{s}</code> {isScope(s) ? SCOPES[s] : ""}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}

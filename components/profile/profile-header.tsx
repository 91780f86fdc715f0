import type { ProfileUser } from "@/lib/domain/profiles";

/** Name, @username, bio and, for bot accounts, the "Automated by @manager" label. */
export function ProfileHeader({ user }: { user: Pick<ProfileUser, "name" | "username" | "description" | "protected" | "createdAt" | "automatedByUsername"> }) {
  return (
    <header className="mb-6 flex items-start gap-4 rounded-2xl border border-border bg-surface p-5 sm:p-6">
      <span aria-hidden="true" className="flex size-16 shrink-0 items-center justify-center rounded-full bg-surface-2 text-2xl font-bold text-muted">
        {user.name.slice(0, 1).toUpperCase()}
      </span>
      <div className="min-w-0">
        <h1 className="text-2xl font-extrabold tracking-tight wrap-anywhere">{user.name}</h1>
        <p className="text-muted">
          @{user.username}
          {user.protected && <span className="ml-2 text-xs">(protected)</span>}
        </p>
        {user.automatedByUsername && (
          <p className="mt-2 inline-flex items-center gap-1.5 rounded-full bg-surface-2 px-2.5 py-1 text-xs font-semibold">
            <span aria-hidden="true">🤖</span> Automated by{" "}
            <a href={`/u/${user.automatedByUsername}`} className="text-link">
              @{user.automatedByUsername}
            </a>
          </p>
        )}
        {user.description && <p className="mt-3 text-sm whitespace-pre-line">{user.description}</p>}
      </div>
    </header>
  );
}

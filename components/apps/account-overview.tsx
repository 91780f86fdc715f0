import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { AccountOverview as Overview } from "@/lib/domain/overview";
import { AppRow } from "./app-row";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Why an action is disabled, said before the user tries (null when allowed). */
export function blockers(o: Overview) {
  const admin = o.account.role === "admin";
  return {
    project: !admin
      ? "You must be an admin to create a Project"
      : o.usage.projects >= o.limits.projects
        ? `${o.limits.label} access includes ${plural(o.limits.projects, "Project")}`
        : null,
    app: !admin
      ? "You must be an admin to create an App"
      : o.usage.apps >= o.limits.appsTotal
        ? `${o.limits.label} access includes ${plural(o.limits.appsTotal, "App")} in all`
        : null,
  };
}

function Disabled({ label, reason }: { label: string; reason: string }) {
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button type="button" disabled aria-describedby={`why-${label.replace(/\W/g, "")}`} className={buttonClass("secondary")}>
        {label}
      </button>
      <span id={`why-${label.replace(/\W/g, "")}`} className="text-xs text-muted">
        {reason}
      </span>
    </span>
  );
}

export function ActionOrReason({ href, label, reason, variant = "primary" }: { href: string; label: string; reason: string | null; variant?: "primary" | "secondary" }) {
  return reason ? <Disabled label={label} reason={reason} /> : <Link href={href} className={buttonClass(variant)}>{label}</Link>;
}

/** What a team developer can do here, and why not the rest: said up front, not after a dead end. */
function RoleNotice({ accountName }: { accountName: string }) {
  return (
    <p role="note" className="rounded-xl border border-border bg-surface-2 px-4 py-3 text-sm">
      You are a <strong>developer</strong> in <strong className="wrap-anywhere">{accountName}</strong>: you see the team&apos;s Projects and Apps and manage the
      keys and settings of the Apps you own. Team admins create and delete Projects and Apps.
    </p>
  );
}

/** The account's Projects with their Apps, and the Standalone Apps (paginated). */
export function AccountOverview({ overview, basePath }: { overview: Overview; basePath: string }) {
  const o = overview;
  const why = blockers(o);
  return (
    <div className="space-y-6">
      {o.account.role !== "admin" && <RoleNotice accountName={o.account.name} />}
      <section aria-labelledby="projects-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="projects-heading" className="text-xl font-bold">
            Projects <span className="text-base font-normal text-muted">({o.usage.projects} of {o.limits.projects} used)</span>
          </h2>
          <ActionOrReason href="/projects/new" label="New Project" reason={why.project} />
        </div>
        {o.projects.length === 0 ? (
          <EmptyState title="No Projects yet" action={!why.project && <Link href="/projects/new" className={buttonClass("primary")}>Create a Project</Link>}>
            Apps need to be in a Project to use the v2 endpoints. Create a Project, then add an App to it.
          </EmptyState>
        ) : (
          o.projects.map((p) => (
            <Card key={p.id} aria-label={`Project ${p.name}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <Link href={`/projects/${p.id}`} className="text-lg font-bold wrap-anywhere hover:underline">
                    {p.name}
                  </Link>
                  {p.description && <p className="text-sm wrap-anywhere text-muted">{p.description}</p>}
                </div>
                <p className="text-sm text-muted">
                  Apps in this Project: {p.apps.length} of {o.limits.appsPerProject}
                </p>
              </div>
              {p.apps.length === 0 ? (
                <p className="mt-3 text-sm text-muted">
                  No Apps yet.{" "}
                  {o.account.role === "admin" ? (
                    <Link className="text-link underline-offset-2 hover:underline" href={`/projects/${p.id}`}>
                      Add an App to this Project
                    </Link>
                  ) : (
                    "Team admins add Apps to Projects."
                  )}
                </p>
              ) : (
                <ul className="mt-2 divide-y divide-border">
                  {p.apps.map((a) => (
                    <AppRow key={a.id} app={a} />
                  ))}
                </ul>
              )}
            </Card>
          ))
        )}
      </section>
      <section aria-labelledby="standalone-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="standalone-heading" className="text-xl font-bold">
            Standalone Apps <span className="text-base font-normal text-muted">({o.usage.standaloneApps})</span>
          </h2>
          <ActionOrReason href="/apps/new" label="New standalone App" reason={why.app} variant="secondary" />
        </div>
        <p className="text-sm text-muted">
          Standalone Apps work with v1.1 and OAuth. Connect one to a Project to use the v2 endpoints. Apps in all, in Projects and standalone:{" "}
          {o.usage.apps} of {o.limits.appsTotal}.
        </p>
        {o.standalone.items.length === 0 ? (
          <p className="rounded-xl border border-dashed border-border px-4 py-6 text-center text-sm text-muted">No Standalone Apps.</p>
        ) : (
          <Card>
            <ul className="divide-y divide-border">
              {o.standalone.items.map((a) => (
                <AppRow key={a.id} app={a} />
              ))}
            </ul>
            {o.standalone.pageCount > 1 && (
              <nav aria-label="Standalone Apps pages" className="mt-4 flex items-center justify-between text-sm">
                {o.standalone.page > 1 ? <Link className="text-link hover:underline" href={`${basePath}?page=${o.standalone.page - 1}`}>Previous</Link> : <span />}
                <span className="text-muted">
                  Page {o.standalone.page} of {o.standalone.pageCount}
                </span>
                {o.standalone.page < o.standalone.pageCount ? <Link className="text-link hover:underline" href={`${basePath}?page=${o.standalone.page + 1}`}>Next</Link> : <span />}
              </nav>
            )}
          </Card>
        )}
      </section>
    </div>
  );
}

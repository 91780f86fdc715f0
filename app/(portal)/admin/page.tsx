import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SuspendButton } from "@/components/admin/suspend-form";
import { TierSelect } from "@/components/admin/tier-select";
import { SuspendedTag } from "@/components/apps/status-tag";
import { ActionButton } from "@/components/forms/action-button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listAccountsForOperator, searchApps } from "@/lib/domain/operator";
import { listOutbox } from "@/lib/domain/outbox";
import { requireOperatorPage } from "@/lib/server/session";
import { searchSchema } from "@/lib/validation/operator";
import { reinstateAppAction, setTierAction, suspendAppAction } from "./actions";

export const metadata: Metadata = { title: "Operator console" };

const TABS = [
  { id: "apps", label: "Apps" },
  { id: "accounts", label: "Developer accounts" },
  { id: "outbox", label: "Outbox" },
] as const;

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { actor } = await requireOperatorPage();
  const params = await searchParams;
  const tab = TABS.find((t) => t.id === params.tab)?.id ?? "apps";
  const search = searchSchema.safeParse({ q: params.q ?? "", page: params.page ?? 1 });
  if (!search.success) notFound(); // ?page=-1, ?page=1e308, a repeated parameter: a 404, never a 500
  const { q, page } = search.data;
  const db = getDb();
  return (
    <>
      <PageHeader title="Operator console" description="Tiers, suspensions and every e-mail the platform sends." />
      <nav aria-label="Console sections" className="mb-5 flex gap-1 border-b border-border">
        {TABS.map((t) => (
          <Link key={t.id} href={`/admin?tab=${t.id}`} aria-current={tab === t.id ? "page" : undefined} className={cn("-mb-px border-b-2 px-3 py-2 text-sm", tab === t.id ? "border-accent font-bold" : "border-transparent text-muted")}>
            {t.label}
          </Link>
        ))}
      </nav>
      {tab !== "outbox" && (
        <form className="mb-4 flex gap-2" role="search">
          <input type="hidden" name="tab" value={tab} />
          <label htmlFor="q" className="sr-only">Search</label>
          <input id="q" name="q" defaultValue={q} placeholder={tab === "apps" ? "App name, App ID, or API Key hint (abcd…wxyz)" : "Account name or id"} className="min-w-0 flex-1 rounded-lg border border-border bg-surface px-3 py-2" />
          <button className="rounded-full border border-border px-4 text-sm font-semibold">Search</button>
        </form>
      )}
      <Card>
        {tab === "apps" && (
          <ul className="divide-y divide-border">
            {searchApps(db, actor, q, page).map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <span className="min-w-0">
                  <strong>{a.name}</strong> <span className="font-mono text-muted">{a.id}</span> {a.status === "suspended" && <SuspendedTag />}
                  <span className="block text-muted">
                    Owner @{a.ownerUsername} · {a.accountName} · {a.projectId ? "In a Project" : "Standalone"}
                    {a.suspendedReason ? ` · ${a.suspendedReason}` : ""}
                  </span>
                </span>
                {a.status === "suspended" ? (
                  <ActionButton action={reinstateAppAction} input={{ appId: a.id }} label={`Reinstate ${a.name}`}>Reinstate</ActionButton>
                ) : (
                  <SuspendButton action={suspendAppAction} appId={a.id} appName={a.name} />
                )}
              </li>
            ))}
          </ul>
        )}
        {tab === "accounts" && (
          <ul className="divide-y divide-border">
            {listAccountsForOperator(db, actor, q, page).map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                <span>
                  <strong>{a.name}</strong> <span className="text-muted">({a.kind}, {a.apps} Apps, id {a.id})</span>
                </span>
                <TierSelect action={setTierAction} accountId={a.id} accountName={a.name} tier={a.tier} />
              </li>
            ))}
          </ul>
        )}
        {tab === "outbox" && (
          <ul className="divide-y divide-border">
            {listOutbox(db).map((m) => (
              <li key={m.id} className="py-3 text-sm">
                <details>
                  <summary className="cursor-pointer">
                    <strong>{m.subject}</strong> → {m.toEmail} <span className="text-muted">({m.status}{m.attempts ? `, ${m.attempts} attempts` : ""}{m.lastError ? `: ${m.lastError}` : ""})</span>
                  </summary>
                  <pre className="mt-2 text-xs whitespace-pre-wrap">{m.body}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <div className="mt-4 flex justify-between text-sm">
        {page > 1 ? <Link className="text-link" href={`/admin?tab=${tab}&q=${encodeURIComponent(q)}&page=${page - 1}`}>Previous</Link> : <span />}
        {tab !== "outbox" && <Link className="text-link" href={`/admin?tab=${tab}&q=${encodeURIComponent(q)}&page=${page + 1}`}>Next</Link>}
      </div>
    </>
  );
}

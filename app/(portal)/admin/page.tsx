import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppResults } from "@/components/admin/app-results";
import { EmptyList, Pager } from "@/components/admin/pager";
import { TierSelect } from "@/components/admin/tier-select";
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { actor } = await requireOperatorPage();
  const params = await searchParams;
  const tab = TABS.find((t) => t.id === params.tab)?.id ?? "apps";
  const search = searchSchema.safeParse({ q: params.q ?? "", page: params.page ?? 1 });
  if (!search.success) notFound(); // ?page=-1, ?page=1e308, a repeated parameter: a 404, never a 500
  const { q, page } = search.data;
  const href = (p: number) => `/admin?tab=${tab}${q ? `&q=${encodeURIComponent(q)}` : ""}${p > 1 ? `&page=${p}` : ""}`;
  const db = getDb();
  const apps = tab === "apps" ? searchApps(db, actor, q, page) : null;
  const accounts = tab === "accounts" ? listAccountsForOperator(db, actor, q, page) : null;
  return (
    <>
      <PageHeader title="Operator console" description="Tiers, suspensions and every e-mail the platform sends." />
      <nav aria-label="Console sections" className="mb-5 flex gap-1 overflow-x-auto border-b border-border">
        {TABS.map((t) => (
          <Link key={t.id} href={`/admin?tab=${t.id}`} aria-current={tab === t.id ? "page" : undefined} className={cn("-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap", tab === t.id ? "border-accent font-bold" : "border-transparent text-muted")}>
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
        {apps &&
          (apps.items.length ? (
            <AppResults rows={apps.items} suspend={suspendAppAction} reinstate={reinstateAppAction} />
          ) : (
            <EmptyList what="Apps" query={q} page={page} firstPage={href(1)} />
          ))}
        {accounts &&
          (accounts.items.length ? (
            <ul className="divide-y divide-border">
              {accounts.items.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                  <span className="min-w-0 wrap-anywhere">
                    <strong>{a.name}</strong>{" "}
                    <span className="text-muted">
                      ({a.kind === "team" ? "team" : "personal"}, {plural(a.apps, "App")}, id {a.id})
                    </span>
                  </span>
                  <TierSelect action={setTierAction} accountId={a.id} accountName={a.name} tier={a.tier} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyList what="developer accounts" query={q} page={page} firstPage={href(1)} />
          ))}
        {tab === "outbox" && (
          <ul className="divide-y divide-border">
            {listOutbox(db).map((m) => (
              <li key={m.id} className="py-3 text-sm wrap-anywhere">
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
      {apps && <Pager href={href} page={page} hasMore={apps.hasMore} label="Apps" />}
      {accounts && <Pager href={href} page={page} hasMore={accounts.hasMore} label="Developer accounts" />}
    </>
  );
}

import type { ReactNode } from "react";

/** A page that explains a problem: what happened, and the ways on from here. */
export function ProblemPage({ code, title, children, actions }: { code?: string; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <div className="mx-auto max-w-xl py-10 text-center sm:py-16">
      {code && <p className="text-sm font-semibold tracking-wide text-muted">{code}</p>}
      <h1 className="mt-2 text-3xl font-extrabold tracking-tight">{title}</h1>
      <div className="mt-3 text-muted">{children}</div>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>
    </div>
  );
}

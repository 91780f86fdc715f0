"use client";
import "./globals.css";

/**
 * A page that failed to render: a plain branded page with Try again and the way back. (Not an
 * error.tsx inside the portal: Turbopack loads that boundary's chunk at run time with a script
 * tag that carries no CSP nonce, which e2e/security.spec.ts rightly refuses.)
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-bg text-fg">
        <main className="mx-auto max-w-xl px-4 py-16 text-center">
          <h1 className="text-3xl font-extrabold tracking-tight">Something went wrong</h1>
          <p className="mt-3 text-muted">The portal could not show this page. Try again in a moment.</p>
          {error.digest && <p className="mt-2 text-xs text-muted">Reference for the operator: {error.digest}</p>}
          <p className="mt-8 flex justify-center gap-3">
            <button type="button" onClick={reset} className="rounded-full bg-fg px-4 py-2 text-sm font-semibold text-bg">
              Try again
            </button>
            <a href="/dashboard" className="rounded-full border border-border px-4 py-2 text-sm font-semibold">
              Go to the dashboard
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}

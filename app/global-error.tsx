"use client";
import "./globals.css";

/** The last resort when even the root layout failed: a plain page with the way back. */
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

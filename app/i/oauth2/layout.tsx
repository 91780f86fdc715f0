import type { ReactNode } from "react";
import { env } from "@/lib/config/env";

/** The OAuth 2.0 consent pages: a narrow column with the platform's name, no portal chrome. */
export default function OAuth2Layout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-extrabold tracking-tight">{env.platformName}</p>
        {children}
      </div>
    </main>
  );
}

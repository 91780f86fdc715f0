import type { ReactNode } from "react";
import { env } from "@/lib/config/env";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <div className="w-full max-w-md">
        <p className="mb-6 text-center text-2xl font-extrabold tracking-tight">{env.platformName}</p>
        {children}
      </div>
    </main>
  );
}

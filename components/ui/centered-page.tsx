import type { ReactNode } from "react";
import { env } from "@/lib/config/env";
import { cn } from "./cn";

/** A narrow centred column under the platform's name, without portal chrome (sign-in, consent). */
export function CenteredPage({ children, width = "md" }: { children: ReactNode; width?: "md" | "lg" }) {
  return (
    <main className="flex min-h-dvh items-start justify-center px-4 py-10 sm:items-center">
      <div className={cn("w-full", width === "lg" ? "max-w-lg" : "max-w-md")}>
        <p className="mb-6 text-center text-2xl font-extrabold tracking-tight">{env.platformName}</p>
        {children}
      </div>
    </main>
  );
}

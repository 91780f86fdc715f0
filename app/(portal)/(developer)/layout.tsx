import type { ReactNode } from "react";
import { requireDeveloper } from "@/lib/server/session";

/** Pages below need developer access; without it the user is sent to "Sign up for developer access". */
export default async function DeveloperLayout({ children }: { children: ReactNode }) {
  await requireDeveloper();
  return children;
}

import type { ReactNode } from "react";
import { requireUser } from "@/lib/server/session";
import { PortalFrame } from "@/app/_shell/portal-frame";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  return <PortalFrame current={await requireUser()}>{children}</PortalFrame>;
}

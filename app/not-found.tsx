import type { Metadata } from "next";
import { CenteredPage } from "@/components/ui/centered-page";
import { NotFoundContent } from "@/components/ui/not-found-content";
import { getCurrentUser } from "@/lib/server/session";
import { PortalFrame } from "./_shell/portal-frame";

export const metadata: Metadata = { title: "Page not found" };

/** Unknown URLs: inside the portal's header and sidebar when signed in (app/(portal)/not-found.tsx covers the portal's own 404s). */
export default async function NotFound() {
  const current = await getCurrentUser();
  return current ? (
    <PortalFrame current={current}>
      <NotFoundContent signedIn />
    </PortalFrame>
  ) : (
    <CenteredPage>
      <NotFoundContent signedIn={false} />
    </CenteredPage>
  );
}

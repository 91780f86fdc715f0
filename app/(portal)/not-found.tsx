import type { Metadata } from "next";
import { NotFoundContent } from "@/components/ui/not-found-content";

export const metadata: Metadata = { title: "Page not found" };

/** An App, Project, team or profile that does not exist (or is not yours): inside the portal layout. */
export default function PortalNotFound() {
  return <NotFoundContent signedIn />;
}

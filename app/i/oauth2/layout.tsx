import type { ReactNode } from "react";
import { CenteredPage } from "@/components/ui/centered-page";

/** The OAuth 2.0 consent pages: a narrow column with the platform's name, no portal chrome. */
export default function OAuth2Layout({ children }: { children: ReactNode }) {
  return <CenteredPage>{children}</CenteredPage>;
}

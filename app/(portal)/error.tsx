"use client";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { ProblemPage } from "@/components/ui/problem-page";

/** A page of the portal failed: say so inside the portal, offer to try again or go on elsewhere. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ProblemPage
      title="Something went wrong"
      actions={
        <>
          <Button onClick={reset}>Try again</Button>
          <Link href="/dashboard" className={buttonClass("secondary")}>
            Go to the dashboard
          </Link>
        </>
      }
    >
      <p>This page could not be shown. Nothing you saved is lost; try again in a moment.</p>
      {error.digest && <p className="mt-2 text-xs">Reference for the operator: {error.digest}</p>}
    </ProblemPage>
  );
}

import Link from "next/link";
import { buttonClass } from "./button";
import { ProblemPage } from "./problem-page";

/** What every not-found page says, with the ways back (portal pages when signed in, else sign-in). */
export function NotFoundContent({ signedIn }: { signedIn: boolean }) {
  return (
    <ProblemPage
      code="404"
      title="This page doesn't exist"
      actions={
        signedIn ? (
          <>
            <Link href="/dashboard" className={buttonClass("primary")}>
              Go to the dashboard
            </Link>
            <Link href="/projects" className={buttonClass("secondary")}>
              Projects &amp; Apps
            </Link>
          </>
        ) : (
          <Link href="/signin" className={buttonClass("primary")}>
            Sign in
          </Link>
        )
      }
    >
      <p>The link may be mistyped or out of date, or what it pointed to was deleted{signedIn ? " — or it belongs to a developer account you are not in" : ""}.</p>
    </ProblemPage>
  );
}

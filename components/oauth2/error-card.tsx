import Link from "next/link";
import { Card } from "@/components/ui/card";

/** X's authorize error page: shown for a bad client, a disabled or suspended App, or a redirect_uri off the allowlist. */
export function AuthorizeErrorCard() {
  return (
    <Card className="space-y-4 text-center">
      <span aria-hidden="true" className="mx-auto flex size-12 items-center justify-center rounded-full bg-danger-soft text-2xl font-bold text-danger">
        !
      </span>
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-muted">You weren&apos;t able to give access to the App. Go back and try logging in again.</p>
      <p>
        <Link href="/" className="text-sm font-semibold text-link underline-offset-2 hover:underline">
          Go to the home page
        </Link>
      </p>
    </Card>
  );
}

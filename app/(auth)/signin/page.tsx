import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/server/session";
import { safeCallbackPath } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <Card>
      <h1 className="text-2xl font-bold">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-muted">Use your username or e-mail address.</p>
      <SignInForm callbackUrl={callbackUrl} defaultIdentifier={params.screen_name ?? ""} />
      <p className="mt-6 text-sm text-muted">
        New here?{" "}
        <Link className="font-semibold text-link underline-offset-2 hover:underline" href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
    </Card>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/server/session";
import { safeCallbackPath } from "@/lib/validation/account";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <Card>
      <h1 className="text-2xl font-bold">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-muted">One account signs you in to the portal and to Apps that use it.</p>
      <SignUpForm action={signUpAction} callbackUrl={callbackUrl} />
      <p className="mt-6 text-sm text-muted">
        Already have an account?{" "}
        <Link className="font-semibold text-link underline-offset-2 hover:underline" href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Sign in
        </Link>
      </p>
    </Card>
  );
}

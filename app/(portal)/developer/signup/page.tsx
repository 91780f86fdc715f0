import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeveloperSignUpForm } from "@/components/auth/developer-sign-up-form";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listDeveloperAccounts } from "@/lib/domain/developer-accounts";
import { requireUser } from "@/lib/server/session";
import { signUpForDeveloperAccessAction } from "./actions";

export const metadata: Metadata = { title: "Sign up for developer access" };

export default async function DeveloperSignUpPage() {
  const { actor } = await requireUser();
  if (listDeveloperAccounts(getDb(), actor).length > 0) redirect("/dashboard");
  return (
    <>
      <PageHeader
        title="Sign up for developer access"
        description="Tell us how you will use the platform. You start on the Essential tier: one Project with one App."
      />
      <DeveloperSignUpForm action={signUpForDeveloperAccessAction} />
    </>
  );
}
